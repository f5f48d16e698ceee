package se.kurir.privacy;

import se.kurir.problem.ProblemCode;

/** Why a pseudonym reversal was refused. */
public enum PrivacyProblem implements ProblemCode {
    UNKNOWN_AGREEMENT("The reversal names no agreement the registry has."),
    NOT_REVERSIBLE("The agreement's privacy step makes no reversible pseudonyms."),
    UNKNOWN_KEY_VERSION("No pseudonymisation key of this version exists on this node."),
    INVALID_PSEUDONYM("The value is not a pseudonym made with this key.");

    private final String meaning;

    PrivacyProblem(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
