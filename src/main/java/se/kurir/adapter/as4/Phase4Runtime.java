package se.kurir.adapter.as4;

import com.helger.base.state.EChange;
import com.helger.base.state.EContinue;
import com.helger.collection.commons.CommonsArrayList;
import com.helger.collection.commons.ICommonsList;
import com.helger.phase4.duplicate.IAS4DuplicateItem;
import com.helger.phase4.duplicate.IAS4DuplicateManager;
import com.helger.phase4.mgr.AS4ManagerFactoryInMemory;
import com.helger.phase4.mgr.MetaAS4Manager;
import com.helger.phase4.model.pmode.IPModeIDProvider;
import com.helger.phase4.profile.AS4Profile;
import com.helger.phase4.profile.IAS4ProfileValidator;
import com.helger.scope.mgr.ScopeManager;
import java.time.OffsetDateTime;

/**
 * phase4 keeps its managers in a JVM-wide scope; this starts that scope once, with in-memory managers and Kurir's AS4
 * profile, and leaves it running for every application context in the JVM (tests start several).
 *
 * <p>phase4's own duplicate check is switched off: it lives in memory, is lost on a restart and answers a repeat with
 * an error rather than a receipt. Kurir's intake is the durable duplicate check (a repeated AS4 message id is the same
 * Kurir message id), and a repeat is answered with a receipt, as ebMS3's duplicate elimination asks.
 */
final class Phase4Runtime {

    /** The profile every P-Mode of the bridge follows: eDelivery AS4's common profile, configured per P-Mode. */
    static final String PROFILE_ID = "kurir-edelivery";

    private Phase4Runtime() {
    }

    static synchronized void start() {
        if (ScopeManager.getGlobalScopeOrNull() != null) {
            return;
        }
        ScopeManager.onGlobalBegin("kurir-as4");
        MetaAS4Manager.setFactory(new AS4ManagerFactoryInMemory() {
            @Override
            public IAS4DuplicateManager createDuplicateManager() {
                return new DuplicatesCheckedByIntake();
            }
        });
        MetaAS4Manager.getProfileMgr().registerProfile(new AS4Profile(PROFILE_ID, "Kurir eDelivery AS4",
                () -> new IAS4ProfileValidator() {
                }, (initiator, responder, address) -> null, IPModeIDProvider.DEFAULT_DYNAMIC, false, false));
    }

    /** Lets every message through to the processor; see the class comment. */
    private static final class DuplicatesCheckedByIntake implements IAS4DuplicateManager {

        @Override
        public boolean isEmpty() {
            return true;
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public IAS4DuplicateItem getItemOfMessageID(String messageId) {
            return null;
        }

        @Override
        public ICommonsList<IAS4DuplicateItem> getAll() {
            return new CommonsArrayList<>();
        }

        @Override
        public EContinue registerAndCheck(String messageId, String profileId, String pmodeId) {
            return EContinue.CONTINUE;
        }

        @Override
        public EChange clearCache() {
            return EChange.UNCHANGED;
        }

        @Override
        public ICommonsList<String> evictAllItemsBefore(OffsetDateTime reference) {
            return new CommonsArrayList<>();
        }
    }
}
