package se.kurir.adapter.as4;

import com.helger.phase4.model.error.EEbmsError;

/** A user message the bridge does not take, with the ebMS error its sender is answered with. */
final class As4Refusal extends RuntimeException {

    private final EEbmsError error;

    private As4Refusal(EEbmsError error, String detail) {
        super(detail);
        this.error = error;
    }

    EEbmsError error() {
        return error;
    }

    static As4Refusal invalid(String detail) {
        return new As4Refusal(EEbmsError.EBMS_VALUE_INCONSISTENT, detail);
    }

    static As4Refusal unknown(String detail) {
        return new As4Refusal(EEbmsError.EBMS_VALUE_NOT_RECOGNIZED, detail);
    }

    static As4Refusal notAuthorised(String detail) {
        return new As4Refusal(EEbmsError.EBMS_FAILED_AUTHENTICATION, detail);
    }

    static As4Refusal rejected(String detail) {
        return new As4Refusal(EEbmsError.EBMS_OTHER, detail);
    }
}
