using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// Where tensors and modules live. Components create every tensor and move every module through it, so the
/// same code runs on CPU and CUDA.
/// </summary>
public interface IDeviceContext
{
    /// <summary>The device every tensor and module of the component lives on (CPU or CUDA).</summary>
    torch.Device Device { get; }

    /// <summary>Floating-point type of parameters and data (float64 as in the reference, or float32).</summary>
    torch.ScalarType DType { get; }
}
