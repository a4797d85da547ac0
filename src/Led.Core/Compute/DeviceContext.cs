using Led.Abstractions.Learning;
using Led.Core.Configuration;
using TorchSharp;

namespace Led.Core.Compute;

/// <summary>
/// The one place that decides where tensors live: parses the config's <c>device</c> (auto | cpu | cuda[:N]) and
/// <c>precision</c>, asks MKL for results independent of memory alignment (<see cref="LibTorchContext.RequestReproducibleBlas"/>),
/// sets torch's intra-op threads, seeds torch's generator and turns libtorch's NNPACK off.
/// </summary>
public sealed class DeviceContext : IDeviceContext
{
    private DeviceContext(torch.Device device, torch.ScalarType dtype)
    {
        Device = device;
        DType = dtype;
    }

    public torch.Device Device { get; }

    public torch.ScalarType DType { get; }

    /// <summary>Human-readable description for provenance, e.g. <c>cpu (1 thread, float64)</c>.</summary>
    public string Describe() => $"{Device} ({torch.get_num_threads()} thread{(torch.get_num_threads() == 1 ? "" : "s")}, {DType.ToString().ToLowerInvariant()})";

    /// <summary>
    /// Configures torch and returns the context. Throws <see cref="ArgumentException"/> for an unavailable device.
    /// NNPACK, an optional fast path for some CPU convolutions, is turned off: on CPUs it does not support (e.g. AMD
    /// EPYC), libtorch tries it for every convolution and prints "Could not initialize NNPACK! Reason: Unsupported
    /// hardware" each time, and where it does run it gives numbers other machines do not; libtorch's own kernels take over.
    /// </summary>
    public static DeviceContext Create(string device, Precision precision, int threads, int seed)
    {
        LibTorchContext.RequestReproducibleBlas();
        torch.set_num_threads(threads);
        LibTorchContext.TrySetNnpackEnabled(false);
        torch.manual_seed(seed);
        var dtype = precision == Precision.Float32 ? torch.ScalarType.Float32 : torch.ScalarType.Float64;
        torch.set_default_dtype(dtype);
        torch.Device target;
        if (device == "auto")
            target = torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        else if (device == "cpu")
            target = torch.CPU;
        else
        {
            if (!torch.cuda.is_available())
                throw new ArgumentException($"device '{device}' requested but CUDA is not available (this build uses the " +
                                            "CPU libtorch: build with -p:LedTorchBackend=cuda on a machine with CUDA, or set device to 'cpu' or 'auto')");
            int index = device.Contains(':') ? int.Parse(device[(device.IndexOf(':') + 1)..]) : 0;
            if (index >= torch.cuda.device_count())
                throw new ArgumentException($"device '{device}' requested but only {torch.cuda.device_count()} CUDA device(s) exist");
            target = torch.device(DeviceType.CUDA, index);
            torch.cuda.manual_seed_all(seed);
        }
        return new DeviceContext(target, dtype);
    }
}
