using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Tests.Compute;

/// <summary>TorchSharp's native library loads from the build output and computes, autograd included.</summary>
public class TorchLoadingTests
{
    [Fact]
    public void NativeLibraryLoadsAndAutogradMatchesTheAnalyticGradient()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 0.5, -1.25, 2.0 }, dtype: ScalarType.Float64, requires_grad: true);
        var y = (x.pow(3) + sin(x)).sum();
        y.backward();
        var grad = x.grad!.data<double>().ToArray();
        double[] xs = [0.5, -1.25, 2.0];
        for (int i = 0; i < 3; i++)
            Assert.Equal(3 * xs[i] * xs[i] + Math.Cos(xs[i]), grad[i], 12);
    }

    [Fact]
    public void MatrixProductAgreesWithAHandComputedValue()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = tensor(new double[,] { { 5, 6 }, { 7, 8 } });
        var c = matmul(a, b);
        Assert.Equal(new double[] { 19, 22, 43, 50 }, c.data<double>().ToArray());
    }
}
