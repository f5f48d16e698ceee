package se.kurir.privacy.mpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Försäkringskassan and Skatteverket case at a small size: three compute parties, results against the plain
 * computation on the same synthetic data.
 */
class SecretSharingComputationTest {

    static final MpcJob.JobParty FK = new MpcJob.JobParty("2021005521", "SFS 2009:400 10 kap. 28 §");
    static final MpcJob.JobParty SKV = new MpcJob.JobParty("2021005448", "SFS 2009:400 10 kap. 15 a §");
    static final List<MpcJob.JobParty> COMPUTE = List.of(new MpcJob.JobParty("compute-a", "SFS 2026:1 1 §"),
            new MpcJob.JobParty("compute-b", "SFS 2026:1 1 §"), new MpcJob.JobParty("compute-c", "SFS 2026:1 1 §"));
    static final JobPseudonyms PSEUDONYMS = new JobPseudonyms(new byte[32]);

    /** 2,000 synthetic people with 12 monthly incomes; Försäkringskassan pays 1,000: 600 of them, 400 others. */
    record Data(List<InputRecord> incomes, List<Long> recipients, Set<Long> recipientSet) {
        static Data synthetic() {
            Random random = new Random(42);
            List<InputRecord> incomes = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                long[] months = new long[12];
                for (int m = 0; m < 12; m++) {
                    months[m] = random.nextInt(60_000);
                }
                incomes.add(new InputRecord(PSEUDONYMS.of(person(i)), i % 21, months));
            }
            List<Long> recipients = new ArrayList<>();
            for (int i = 1400; i < 2400; i++) {
                recipients.add(PSEUDONYMS.of(person(i)));
            }
            return new Data(incomes, recipients, Set.copyOf(recipients));
        }

        static String person(int i) {
            return String.format("1985%02d%02d%04d", 1 + i % 12, 1 + i % 28, i);
        }
    }

    private static MpcJob job(MpcJob.Computation computation, long threshold) {
        return new MpcJob("job-" + computation, FK, SKV, COMPUTE, FK, computation, threshold);
    }

    @Test
    void sumsOverThePopulationMatchThePlainComputation() throws IOException {
        Data data = Data.synthetic();
        MpcResult result = run(job(MpcJob.Computation.SUM, 0), data);
        List<InputRecord> joined = data.incomes().stream().filter(r -> data.recipientSet().contains(r.pseudonym()))
                .toList();
        assertThat(result.count()).isEqualTo(joined.size()).isEqualTo(600);
        for (int month = 0; month < 12; month++) {
            int m = month;
            assertThat(result.total(month)).isEqualTo(joined.stream().mapToLong(r -> r.values()[m]).sum());
        }
    }

    @Test
    void countAboveAThresholdMatchesThePlainComputation() throws IOException {
        Data data = Data.synthetic();
        long threshold = 360_000;
        MpcResult result = run(job(MpcJob.Computation.COUNT_ABOVE, threshold), data);
        long plain = data.incomes().stream().filter(r -> data.recipientSet().contains(r.pseudonym()))
                .filter(r -> java.util.Arrays.stream(r.values()).sum() > threshold).count();
        assertThat(result.total(0)).isEqualTo(plain).isPositive().isLessThan(600);
    }

    @Test
    void aHistogramByPublicCategoryMatchesThePlainComputation() throws IOException {
        Data data = Data.synthetic();
        MpcResult result = run(job(MpcJob.Computation.HISTOGRAM, 0), data);
        Map<Integer, Long> plainCounts = data.incomes().stream()
                .filter(r -> data.recipientSet().contains(r.pseudonym()))
                .collect(Collectors.groupingBy(InputRecord::category, TreeMap::new, Collectors.counting()));
        assertThat(result.categories()).hasSize(plainCounts.size());
        for (MpcResult.Category category : result.categories()) {
            assertThat(category.count()).isEqualTo(plainCounts.get(category.category()));
            long plainJanuary = data.incomes().stream().filter(r -> data.recipientSet().contains(r.pseudonym()))
                    .filter(r -> r.category() == category.category()).mapToLong(r -> r.values()[0]).sum();
            assertThat(category.sums()[0]).isEqualTo(plainJanuary);
        }
    }

    @Test
    void sharesAreFreshAndFewerThanAllRevealNothingOfTheSum() throws IOException {
        var sharing = new AdditiveSharing(new SecureRandom());
        long[] first = new long[3];
        long[] second = new long[3];
        sharing.split(412_000, first);
        sharing.split(412_000, second);
        assertThat(first).isNotEqualTo(second);
        assertThat(AdditiveSharing.join(first)).isEqualTo(AdditiveSharing.join(second)).isEqualTo(412_000);

        Data data = Data.synthetic();
        MpcJob job = job(MpcJob.Computation.SUM, 0);
        List<ResultShare> shares = shares(job, data);
        long truth = ResultReconstruction.reconstruct(job, shares).total(0);
        long twoOfThree = shares.get(0).sumShares().get(0)[0] + shares.get(1).sumShares().get(0)[0];
        assertThat(twoOfThree).isNotEqualTo(truth);
        assertThatThrownBy(() -> ResultReconstruction.reconstruct(job, shares.subList(0, 2)))
                .hasMessageContaining("every compute party's share is needed");
    }

    @Test
    void aJobNeedsThreeDistinctComputePartiesAndALegalBasisForEveryone() {
        assertThatThrownBy(() -> new MpcJob("j", FK, SKV, COMPUTE.subList(0, 2), FK, MpcJob.Computation.SUM, 0))
                .hasMessageContaining("at least 3");
        assertThatThrownBy(() -> new MpcJob("j", FK, SKV, List.of(COMPUTE.get(0), COMPUTE.get(1), COMPUTE.get(0)),
                FK, MpcJob.Computation.SUM, 0)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new MpcJob.JobParty("2021005521", " ")).hasMessageContaining("legalBasis");
    }

    @Test
    void aStreamOfAnotherJobIsRefused() throws IOException {
        Data data = Data.synthetic();
        var other = new ByteArrayOutputStream();
        new InputSharing(job(MpcJob.Computation.SUM, 0), new AdditiveSharing(new SecureRandom()))
                .sendPopulation(data.recipients().iterator(), List.of(new DataOutputStream(other)));
        var party = new ComputeParty(job(MpcJob.Computation.HISTOGRAM, 0));
        assertThatThrownBy(() -> party.receivePopulation(input(other))).hasMessageContaining("job job-SUM");
    }

    private static MpcResult run(MpcJob job, Data data) throws IOException {
        return ResultReconstruction.reconstruct(job, shares(job, data));
    }

    /** Every stream as bytes, as it would travel to and from each compute party. */
    private static List<ResultShare> shares(MpcJob job, Data data) throws IOException {
        var input = new InputSharing(job, new AdditiveSharing(new SecureRandom()));
        List<ByteArrayOutputStream> population = streams(3);
        List<ByteArrayOutputStream> shareStreams = streams(3);
        input.sendPopulation(data.recipients().iterator(), data(population));
        input.sendShares(data.incomes().iterator(), data(shareStreams));
        List<ResultShare> results = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            var party = new ComputeParty(job);
            party.receivePopulation(input(population.get(p)));
            var answer = new ByteArrayOutputStream();
            ComputeParty.answer(party.receiveShares(input(shareStreams.get(p))), new DataOutputStream(answer));
            results.add(ResultReconstruction.read(input(answer), job.id()));
        }
        return results;
    }

    private static List<ByteArrayOutputStream> streams(int n) {
        List<ByteArrayOutputStream> streams = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            streams.add(new ByteArrayOutputStream());
        }
        return streams;
    }

    private static List<DataOutputStream> data(List<ByteArrayOutputStream> streams) {
        return streams.stream().map(DataOutputStream::new).toList();
    }

    private static DataInputStream input(ByteArrayOutputStream bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
