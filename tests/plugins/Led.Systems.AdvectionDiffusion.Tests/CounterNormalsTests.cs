namespace Led.Systems.AdvectionDiffusion.Tests;

public class CounterNormalsTests
{
    [Fact]
    public void AStreamDoesNotDependOnHowManyOthersAreDrawn()
    {
        var few = new CounterNormals(42, 5);
        var many = new CounterNormals(42, 500);
        var (a, b) = (new double[5], new double[500]);
        for (ulong k = 0; k < 50; k++)
        {
            few.Next(k, a);
            many.Next(k, b);
            Assert.Equal(a, b[..5]);
        }
    }

    [Fact]
    public void TheValuesAreStandardNormal()
    {
        // 400 values × 1000 streams = 4·10⁵ draws (about 4000 through the ziggurat's slow path, some 100 in the tail):
        // mean, variance and the lag-1 correlation within a stream within 4 standard errors (1/√n, √(2/n), 1/√n); the
        // Kolmogorov–Smirnov statistic against Φ below the α = 0.01 critical value 1.628/√n; the tail beyond 3.5 holds
        // n·2Φ(−3.5) = 186 ± 4√186 values.
        var normals = new CounterNormals(7, 1000);
        var (values, previous) = (new double[1000], new double[1000]);
        var all = new List<double>(400_000);
        double cross = 0;
        for (ulong k = 0; k < 400; k++)
        {
            normals.Next(k, values);
            if (k > 0) for (int s = 0; s < 1000; s++) cross += values[s] * previous[s];
            all.AddRange(values);
            (values, previous) = (previous, values);
        }
        double n = all.Count;
        Assert.InRange(all.Average(), -4 / Math.Sqrt(n), 4 / Math.Sqrt(n));
        Assert.InRange(all.Sum(v => v * v) / n, 1 - 4 * Math.Sqrt(2 / n), 1 + 4 * Math.Sqrt(2 / n));
        Assert.InRange(cross / (n - 1000), -4 / Math.Sqrt(n - 1000), 4 / Math.Sqrt(n - 1000));
        all.Sort();
        double ks = 0;
        for (int i = 0; i < all.Count; i++)
        {
            double cdf = 0.5 * Erfc(-all[i] / Math.Sqrt(2));
            ks = Math.Max(ks, Math.Max((i + 1) / n - cdf, cdf - i / n));
        }
        Assert.True(ks < 1.628 / Math.Sqrt(n), $"KS statistic {ks:G4}");
        int tail = all.Count(v => Math.Abs(v) > 3.5);
        double expected = n * Erfc(3.5 / Math.Sqrt(2));
        Assert.InRange(tail, expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
    }


    /// <summary>erfc by the Chebyshev fit of Numerical Recipes' erfcc (relative error below 1.2e−7).</summary>
    private static double Erfc(double x)
    {
        double z = Math.Abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                   t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
