namespace Led.Systems.KuramotoSivashinsky.Tests;

public class RadixTwoRealFftTests
{
    internal static double[] RandomSamples(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
    }

    /// <summary>Half spectrum by the O(N²) definition, angles reduced exactly (j·k mod N) to keep the reference accurate.</summary>
    internal static (double[] Re, double[] Im) NaiveDft(double[] x)
    {
        int n = x.Length;
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        for (int k = 0; k <= n / 2; k++)
            for (int j = 0; j < n; j++)
            {
                double angle = 2 * Math.PI * ((long)j * k % n) / n;
                re[k] += x[j] * Math.Cos(angle);
                im[k] -= x[j] * Math.Sin(angle);
            }
        return (re, im);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(256)]
    public void Forward_matches_the_definition(int n)
    {
        var x = RandomSamples(n, n);
        var (expectedRe, expectedIm) = NaiveDft(x);
        var fft = new RadixTwoRealFft(n);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        fft.Forward(x, re, im);
        for (int k = 0; k <= n / 2; k++)
        {
            Assert.Equal(expectedRe[k], re[k], 1e-13 * n);
            Assert.Equal(expectedIm[k], im[k], 1e-13 * n);
        }
        // The DC and Nyquist coefficients of a real signal are real: written as exact zeros.
        Assert.Equal(0.0, im[0]);
        Assert.Equal(0.0, im[n / 2]);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(1024)]
    public void Inverse_undoes_forward(int n)
    {
        var x = RandomSamples(n, 7 * n);
        var fft = new RadixTwoRealFft(n);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        var back = new double[n];
        fft.Forward(x, re, im);
        fft.Inverse(re, im, back);
        for (int j = 0; j < n; j++) Assert.Equal(x[j], back[j], 1e-15 * Math.Log2(n) * 4);
    }

    [Fact]
    public void Inverse_of_a_single_mode_is_the_cosine_with_the_hermitian_partner()
    {
        const int n = 64;
        var fft = new RadixTwoRealFft(n);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        // X₃ = N/2 − i·N (and X₆₁ = X₃*): u_j = (2/N)·Re(X₃·e^{iθ}) = cos θ + 2 sin θ with θ = 2π·3j/N.
        re[3] = n / 2.0;
        im[3] = -n;
        re[n / 2] = n;    // Nyquist: (−1)^j
        im[0] = 5;        // ignored: a real signal has a real mean
        var u = new double[n];
        fft.Inverse(re, im, u);
        for (int j = 0; j < n; j++)
        {
            double angle = 2 * Math.PI * 3 * j / n;
            Assert.Equal(Math.Cos(angle) + 2 * Math.Sin(angle) + (j % 2 == 0 ? 1 : -1), u[j], 1e-14);
        }
    }

    [Theory]
    [InlineData(8)]
    [InlineData(64)]
    public void Agrees_with_MathNet(int n)
    {
        var x = RandomSamples(n, 3);
        var ours = new RadixTwoRealFft(n);
        var theirs = new MathNetRealFft(n);
        var (r1, i1, r2, i2) = (new double[n / 2 + 1], new double[n / 2 + 1], new double[n / 2 + 1], new double[n / 2 + 1]);
        ours.Forward(x, r1, i1);
        theirs.Forward(x, r2, i2);
        for (int k = 0; k <= n / 2; k++)
        {
            Assert.Equal(r2[k], r1[k], 1e-13);
            Assert.Equal(i2[k], i1[k], 1e-13);
        }
        var (u1, u2) = (new double[n], new double[n]);
        ours.Inverse(r1, i1, u1);
        theirs.Inverse(r1, i1, u2);
        for (int j = 0; j < n; j++) Assert.Equal(u2[j], u1[j], 1e-15);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(63)]
    public void Rejects_lengths_that_are_not_powers_of_two_of_at_least_4(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RadixTwoRealFft(n));
        Assert.Contains("power of two", ex.Message);
    }

    [Fact]
    public void Transforms_allocate_nothing()
    {
        const int n = 64;
        var fft = new RadixTwoRealFft(n);
        var x = RandomSamples(n, 1);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        fft.Forward(x, re, im);
        fft.Inverse(re, im, x);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            fft.Forward(x, re, im);
            fft.Inverse(re, im, x);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
