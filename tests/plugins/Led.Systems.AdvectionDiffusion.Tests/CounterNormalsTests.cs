namespace Led.Systems.AdvectionDiffusion.Tests;

public class CounterNormalsTests
{
    [Fact]
    public void AStreamDoesNotDependOnHowManyOthersAreDrawn()
    {
        var few = new CounterNormals(42, 5);
        var many = new CounterNormals(42, 500);
        var (a1, a2, b1, b2) = (new double[5], new double[5], new double[500], new double[500]);
        for (ulong pair = 0; pair < 3; pair++)
        {
            few.NextPairs(pair, a1, a2);
            many.NextPairs(pair, b1, b2);
            Assert.Equal(a1, b1[..5]);
            Assert.Equal(a2, b2[..5]);
        }
    }

    [Fact]
    public void TheNormalsHaveZeroMeanUnitVarianceAndUncorrelatedPairs()
    {
        // 200 pairs × 1000 streams = 4·10⁵ values: standard errors 1/√n = 0.0016 (mean), √(2/n) = 0.0022 (variance) and
        // 1/√(n/2) = 0.0022 (pair correlation); tolerances 4 standard errors.
        var normals = new CounterNormals(7, 1000);
        var (first, second) = (new double[1000], new double[1000]);
        double sum = 0, squares = 0, cross = 0;
        for (ulong pair = 0; pair < 200; pair++)
        {
            normals.NextPairs(pair, first, second);
            for (int s = 0; s < 1000; s++)
            {
                sum += first[s] + second[s];
                squares += first[s] * first[s] + second[s] * second[s];
                cross += first[s] * second[s];
            }
        }
        const double n = 400_000;
        Assert.InRange(sum / n, -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(squares / n, 1 - 4 * Math.Sqrt(2 / n), 1 + 4 * Math.Sqrt(2 / n));
        Assert.InRange(cross / (n / 2), -4 / Math.Sqrt(n / 2), 4 / Math.Sqrt(n / 2));
    }
}
