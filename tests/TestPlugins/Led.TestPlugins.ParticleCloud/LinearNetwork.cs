using TorchSharp;
using static TorchSharp.torch;

namespace Led.TestPlugins.ParticleCloud;

/// <summary>One float64 linear layer registered as <c>layer</c>, whose weights a test may set exactly.</summary>
internal sealed class LinearNetwork : nn.Module
{
    public LinearNetwork(string name, int inputs, int outputs, Led.Abstractions.Learning.IDeviceContext device) : base(name)
    {
        Layer = nn.Linear(inputs, outputs, dtype: ScalarType.Float64);
        register_module("layer", Layer);
        this.to(device.DType).to(device.Device);
    }

    public TorchSharp.Modules.Linear Layer { get; }

    public void SetWeights(double[,] weight, double[] bias)
    {
        using var noGrad = no_grad();
        Layer.weight!.copy_(tensor(weight));
        Layer.bias!.copy_(tensor(bias));
    }

    protected override void RegisterComponents() { }
}
