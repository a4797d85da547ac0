using Led.Abstractions.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Propagators.Lstm;

/// <summary>
/// One LSTM cell (d_z → d_h) and a linear head (d_h → d_z) with tanhplus or identity output: z_t ↦ ẑ_{t+Δt}.
/// Initialisation as the reference: input weights Xavier-uniform, recurrent weights orthogonal, all biases 0.001.
/// </summary>
public sealed class LstmPropagator : ILatentPropagator, ITrainable, IReferenceParameterNames, IFastLatentStepSource, IDisposable
{
    private readonly LstmNetwork _network;
    private readonly IDeviceContext _device;
    private readonly LstmOptions _options;
    private bool _disposed;

    public LstmPropagator(LstmOptions options, LatentSpace latent, IDeviceContext device)
    {
        _device = device;
        _options = options;
        _network = new LstmNetwork(latent.Dim, options.Hidden, options.Output == LstmOutput.TanhPlus, options.Residual);
        _network.to(device.DType).to(device.Device);
        _network.Initialise();
    }

    public nn.Module Module => _network;

    /// <summary>The reference wraps a PyTorch LSTMCell (same gate order and biases) in <c>RNN.0.RNN_cell</c>; its head is <c>RNN_OUTPUT.0</c>.</summary>
    public IReadOnlyDictionary<string, string> ReferenceNames { get; } = new Dictionary<string, string>
    {
        ["lstm.weight_ih_l0"] = "RNN.0.RNN_cell.weight_ih",
        ["lstm.weight_hh_l0"] = "RNN.0.RNN_cell.weight_hh",
        ["lstm.bias_ih_l0"] = "RNN.0.RNN_cell.bias_ih",
        ["lstm.bias_hh_l0"] = "RNN.0.RNN_cell.bias_hh",
        ["head.weight"] = "RNN_OUTPUT.0.weight",
        ["head.bias"] = "RNN_OUTPUT.0.bias",
    };

    /// <summary>The current weights compiled for one trajectory in the model's precision (<see cref="LstmFastStep{T}"/>).</summary>
    public IFastLatentStep CompileStep()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var p = _network.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray());
        var (dz, hidden, tanhplus) = (_network.LatentDim, _network.Hidden, _options.Output == LstmOutput.TanhPlus);
        return _device.DType == ScalarType.Float32
            ? new LstmFastStep<float>(dz, hidden, p["lstm.weight_ih_l0"], p["lstm.weight_hh_l0"], p["lstm.bias_ih_l0"], p["lstm.bias_hh_l0"],
                p["head.weight"], p["head.bias"], tanhplus, _options.Residual)
            : new LstmFastStep<double>(dz, hidden, p["lstm.weight_ih_l0"], p["lstm.weight_hh_l0"], p["lstm.bias_ih_l0"], p["lstm.bias_hh_l0"],
                p["head.weight"], p["head.bias"], tanhplus, _options.Residual);
    }

    public PropagatorState Start(int batchSize)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new LstmState(zeros(batchSize, _network.Hidden, dtype: _device.DType, device: _device.Device),
                             zeros(batchSize, _network.Hidden, dtype: _device.DType, device: _device.Device));
    }

    public Tensor Forward(PropagatorState state, Tensor latents)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (state is not LstmState s) throw new ArgumentException("state was not created by this LSTM propagator", nameof(state));
        if (latents.dim() != 3 || latents.shape[2] != _network.LatentDim)
            throw new ArgumentException($"expected latents [B, T, {_network.LatentDim}], got [{string.Join(", ", latents.shape)}]");
        return _network.Run(s, latents);
    }

    /// <summary>Releases the network's native parameters and buffers; the propagator cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _network.Dispose();
    }
}
