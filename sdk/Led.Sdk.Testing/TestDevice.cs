using Led.Abstractions.Learning;
using TorchSharp;

namespace Led.Sdk.Testing;

/// <summary>The device of conformance checks: the CPU, one torch thread, a given floating-point type.</summary>
public sealed class TestDevice(torch.ScalarType dtype = torch.ScalarType.Float64) : IDeviceContext
{
    /// <inheritdoc/>
    public torch.Device Device => torch.CPU;

    /// <inheritdoc/>
    public torch.ScalarType DType { get; } = dtype;
}
