namespace Led.Systems.KuramotoSivashinsky.Tests;

public class MathNetRealFftTests
{
    [Fact]
    public void Uses_the_unnormalised_forward_and_normalised_inverse_convention()
    {
        const int n = 64;
        var x = RadixTwoRealFftTests.RandomSamples(n, 11);
        var (expectedRe, expectedIm) = RadixTwoRealFftTests.NaiveDft(x);
        var fft = new MathNetRealFft(n);
        var re = new double[n / 2 + 1];
        var im = new double[n / 2 + 1];
        fft.Forward(x, re, im);
        for (int k = 0; k <= n / 2; k++)
        {
            Assert.Equal(expectedRe[k], re[k], 1e-12);
            Assert.Equal(expectedIm[k], im[k], 1e-12);
        }
        var back = new double[n];
        fft.Inverse(re, im, back);
        for (int j = 0; j < n; j++) Assert.Equal(x[j], back[j], 1e-15);
    }
}
