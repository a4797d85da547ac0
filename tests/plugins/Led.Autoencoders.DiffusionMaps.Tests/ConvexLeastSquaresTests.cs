namespace Led.Autoencoders.DiffusionMaps.Tests;

public class ConvexLeastSquaresTests
{
    [Theory]
    [InlineData(3, 2, 1)]
    [InlineData(5, 2, 2)]
    [InlineData(6, 3, 3)]
    [InlineData(7, 4, 4)]
    public void MatchesTheBestOfEveryFaceOnRandomCases(int count, int dim, int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 40; trial++)
        {
            var points = Enumerable.Range(0, count * dim).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            // Targets inside and (mostly) outside the hull.
            var target = Enumerable.Range(0, dim).Select(_ => (random.NextDouble() * 2 - 1) * (trial % 2 == 0 ? 0.3 : 2)).ToArray();

            var weights = ConvexLeastSquares.Solve(points, target, count);

            Assert.All(weights, w => Assert.InRange(w, 0, 1));
            Assert.Equal(1.0, weights.Sum(), 1e-14);
            double solved = Objective(points, target, weights, dim);
            double best = BruteForce(points, target, count, dim);
            Assert.True(solved <= best + 1e-12 * (1 + best), $"trial {trial}: objective {solved:R} exceeds the brute-force minimum {best:R}");
        }
    }

    [Fact]
    public void ATargetOnAPointGetsThatPointAloneEvenInsideTheHullOfTheOthers()
    {
        // The corners of a square and its centre; the centre is also the mean of the corners.
        double[] points = [0, 0, /**/ 1, 0, /**/ 0.5, 0.5, /**/ 0, 1, /**/ 1, 1];

        var weights = ConvexLeastSquares.Solve(points, [0.5, 0.5], 5);

        Assert.Equal([0.0, 0, 1, 0, 0], weights);
    }

    [Fact]
    public void ATargetInsideTheHullIsReproducedAndOneOutsideProjectsOntoTheNearestEdge()
    {
        double[] triangle = [0, 0, /**/ 4, 0, /**/ 0, 4];

        var inside = ConvexLeastSquares.Solve(triangle, [1, 2], 3);
        Assert.Equal(0, Objective(triangle, [1, 2], inside, 2), 1e-24);
        AssertClose([0.25, 0.25, 0.5], inside, 1e-15);

        // (3, 3) projects onto the hypotenuse at (2, 2): weights ½, ½ on its ends.
        var outside = ConvexLeastSquares.Solve(triangle, [3, 3], 3);
        AssertClose([0.0, 0.5, 0.5], outside, 1e-15);
    }

    [Fact]
    public void TheKarushKuhnTuckerConditionsHoldOnLargerCases()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 50; trial++)
        {
            const int count = 10, dim = 8;
            var points = Enumerable.Range(0, count * dim).Select(_ => random.NextDouble()).ToArray();
            var target = Enumerable.Range(0, dim).Select(_ => random.NextDouble() * 1.5 - 0.25).ToArray();

            var weights = ConvexLeastSquares.Solve(points, target, count);

            Assert.Equal(1.0, weights.Sum(), 1e-14);
            // x = Σ w_i (b_i − t) is optimal iff x·(b_j − t) ≥ ‖x‖² for every j.
            var x = new double[dim];
            for (int i = 0; i < count; i++)
                for (int c = 0; c < dim; c++) x[c] += weights[i] * (points[i * dim + c] - target[c]);
            double xx = x.Sum(v => v * v);
            for (int j = 0; j < count; j++)
            {
                double xp = Enumerable.Range(0, dim).Sum(c => x[c] * (points[j * dim + c] - target[c]));
                Assert.True(xp >= xx - 1e-12, $"trial {trial}, point {j}: x·p = {xp:R} < ‖x‖² = {xx:R}");
            }
        }
    }

    [Fact]
    public void MismatchedLengthsAreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ConvexLeastSquares.Solve(new double[5], new double[2], 3));
        Assert.Contains("expected 3 points of dimension 2 (6 values), got 5", error.Message);
    }

    private static double Objective(double[] points, double[] target, double[] weights, int dim)
    {
        double sum = 0;
        for (int c = 0; c < dim; c++)
        {
            double v = -target[c];
            for (int i = 0; i < weights.Length; i++) v += weights[i] * points[i * dim + c];
            sum += v * v;
        }
        return sum;
    }

    /// <summary>The least objective over the minimisers of every face (subset) whose affine minimiser lies in it.</summary>
    private static double BruteForce(double[] points, double[] target, int count, int dim)
    {
        double best = double.PositiveInfinity;
        for (int mask = 1; mask < 1 << count; mask++)
        {
            var subset = Enumerable.Range(0, count).Where(i => (mask >> i & 1) == 1).ToArray();
            var alpha = AffineMinimiser(points, target, subset, dim);
            if (alpha is null || alpha.Any(a => a < -1e-12)) continue;
            var weights = new double[count];
            for (int s = 0; s < subset.Length; s++) weights[subset[s]] = alpha[s];
            best = Math.Min(best, Objective(points, target, weights, dim));
        }
        return best;
    }

    /// <summary>The KKT system [G 1; 1ᵀ 0][α; μ] = [0; 1] of min ‖Σ α_s p_s‖², Σ α = 1, by Gaussian elimination; null if singular.</summary>
    private static double[]? AffineMinimiser(double[] points, double[] target, int[] subset, int dim)
    {
        int m = subset.Length, n = m + 1;
        var a = new double[n, n + 1];
        for (int r = 0; r < m; r++)
        {
            for (int s = 0; s < m; s++)
                a[r, s] = Enumerable.Range(0, dim).Sum(c => (points[subset[r] * dim + c] - target[c]) * (points[subset[s] * dim + c] - target[c]));
            a[r, m] = a[m, r] = 1;
        }
        a[m, n] = 1;
        for (int col = 0; col < n; col++)
        {
            int pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(a[r, col]));
            if (Math.Abs(a[pivot, col]) < 1e-12) return null;
            for (int c = 0; c <= n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = a[r, col] / a[col, col];
                for (int c = col; c <= n; c++) a[r, c] -= f * a[col, c];
            }
        }
        return Enumerable.Range(0, m).Select(r => a[r, n] / a[r, r]).ToArray();
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], tolerance);
    }
}
