namespace Led.Systems.CylinderFlow.Tests;

public class CosineTransformTests
{
    private static double[] Random(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    private static double[] DirectDct(double[] x)
    {
        int n = x.Length;
        var c = new double[n];
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++)
                c[k] += x[j] * Math.Cos(Math.PI * k * (2 * j + 1) / (2.0 * n));
        return c;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(512)]
    public void The_fast_pair_transform_matches_the_definition(int n)
    {
        var a = Random(n, 1);
        var b = Random(n, 2);
        var (ea, eb) = (DirectDct(a), DirectDct(b));
        var transform = new CosineTransform(n);
        transform.ForwardPair(a, b);
        for (int k = 0; k < n; k++)
        {
            Assert.Equal(ea[k], a[k], 1e-11 * n);
            Assert.Equal(eb[k], b[k], 1e-11 * n);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(256)]
    [InlineData(1024)]
    public void The_round_trip_is_exact_to_round_off(int n)
    {
        var a = Random(n, 3);
        var b = Random(n, 4);
        var (a0, b0) = ((double[])a.Clone(), (double[])b.Clone());
        var transform = new CosineTransform(n);
        transform.ForwardPair(a, b);
        transform.InversePair(a, b);
        for (int j = 0; j < n; j++)
        {
            Assert.Equal(a0[j], a[j], 1e-13);
            Assert.Equal(b0[j], b[j], 1e-13);
        }
        var single = (double[])a0.Clone();
        transform.Forward(single);
        Assert.Equal(DirectDct(a0)[n - 1], single[n - 1], 1e-11 * n);
        transform.Inverse(single);
        for (int j = 0; j < n; j++) Assert.Equal(a0[j], single[j], 1e-13);
    }
}
