package se.kurir.privacy.mpc;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One computation across registers that no party discloses: who gives input, who computes, who learns the result,
 * each under its legal basis, and what is computed.
 *
 * @param population the input party whose pseudonyms define whom the computation counts (Försäkringskassan's benefit
 *     recipients); it sends pseudonyms only
 * @param values the input party whose numeric fields are secret-shared (Skatteverket's monthly incomes)
 * @param computeParties at least three, non-colluding: Kurir node roles or external services behind
 *     {@link ComputeParty}'s protocol
 * @param threshold for {@link Computation#COUNT_ABOVE}: the public threshold on the sum of a person's values
 */
public record MpcJob(String id, JobParty population, JobParty values, List<JobParty> computeParties,
        JobParty resultRecipient, Computation computation, long threshold) {

    public static final int MIN_COMPUTE_PARTIES = 3;

    public enum Computation {
        /** the sum of each value column over the population, and how many of the population had values */
        SUM,
        /** how many of the population have a value sum above the threshold (compared by the values party) */
        COUNT_ABOVE,
        /** per public category (given by the values party), the number of the population and their value sums */
        HISTOGRAM
    }

    /**
     * A participant in a job with the legal basis it takes part under.
     *
     * @param legalBasis statute and provision, as the agreement names it
     */
    public record JobParty(String participant, String legalBasis) {
        public JobParty {
            Objects.requireNonNull(participant, "participant");
            if (legalBasis == null || legalBasis.isBlank()) {
                throw new IllegalArgumentException("legalBasis: every party of an MPC job needs one ("
                        + participant + ")");
            }
        }
    }

    public MpcJob {
        computeParties = List.copyOf(computeParties);
        if (computeParties.size() < MIN_COMPUTE_PARTIES) {
            throw new IllegalArgumentException("computeParties: at least " + MIN_COMPUTE_PARTIES
                    + " non-colluding compute parties, not " + computeParties.size());
        }
        var distinct = new HashSet<String>();
        for (JobParty party : computeParties) {
            if (!distinct.add(party.participant())) {
                throw new IllegalArgumentException("computeParties: " + party.participant() + " appears twice; one "
                        + "party holding two shares sees more than its share");
            }
        }
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(resultRecipient, "resultRecipient");
        Objects.requireNonNull(computation, "computation");
    }
}
