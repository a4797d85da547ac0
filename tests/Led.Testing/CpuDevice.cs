using Led.Abstractions.Learning;
using TorchSharp;

namespace Led.Testing;

/// <summary>A CPU device context for tests: one torch thread, a given dtype.</summary>
public sealed class CpuDevice(torch.ScalarType dtype = torch.ScalarType.Float64) : IDeviceContext
{
    public torch.Device Device => torch.CPU;

    public torch.ScalarType DType { get; } = dtype;

    /// <summary>Float64 (by default) on the CPU with one intra-op thread and torch's generator seeded.</summary>
    public static CpuDevice Seeded(int seed, torch.ScalarType dtype = torch.ScalarType.Float64)
    {
        torch.set_num_threads(1);
        torch.manual_seed(seed);
        return new CpuDevice(dtype);
    }
}
