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

    /// <summary>An activation from its formula (PyTorch's constants for SELU, exact erf form of GELU).</summary>
    public static Tensor Activate(Tensor x, Led.Toolkit.Learning.Activation activation) => activation switch
    {
        Led.Toolkit.Learning.Activation.Celu or Led.Toolkit.Learning.Activation.Elu => Celu(x),
        Led.Toolkit.Learning.Activation.Relu => x.clamp_min(0),
        Led.Toolkit.Learning.Activation.Tanh => x.tanh(),
        Led.Toolkit.Learning.Activation.Selu => 1.0507009873554804934193349852946 * (x.clamp_min(0) + (1.6732632423543772848170429916717 * (x.exp() - 1)).clamp_max(0)),
        Led.Toolkit.Learning.Activation.Gelu => x * 0.5 * (1 + special.erf(x / Math.Sqrt(2))),
        Led.Toolkit.Learning.Activation.Silu => x / (1 + (-x).exp()),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

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
