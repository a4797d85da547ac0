using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Led.Testing;

/// <summary>
/// The reference's layers written out with elementary tensor operations, for tests that rebuild a network's forward
/// pass by hand and compare it with the plugin's.
/// </summary>
public static class ReferenceOps
{
    public static Tensor Celu(Tensor x) => x.clamp_min(0) + (x.exp() - 1).clamp_max(0);

    public static Tensor TanhPlus(Tensor x) => 0.5 + 0.5 * x.tanh();

    /// <summary>A module's parameters by name, detached.</summary>
    public static Dictionary<string, Tensor> Parameters(nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => (Tensor)p.parameter.detach());

    /// <summary>Same shape and max |expected − actual| ≤ <paramref name="tolerance"/>.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        double difference = (expected - actual).abs().max().item<double>();
        Assert.True(difference <= tolerance, $"max |difference| {difference:E3} exceeds {tolerance:E1}");
    }
}
