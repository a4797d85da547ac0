using System.Numerics;
using Led.Abstractions.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Propagators.Lstm;

/// <summary>
/// Stacked recurrent layers (<see cref="LstmOptions.Cell"/>: LSTM, the paper's, or GRU; <see cref="LstmOptions.Layers"/>
/// of d_h units) and a linear head (d_h → d_z) with tanhplus or identity output: z_t ↦ ẑ_{t+Δt}. Initialisation as the
/// reference: input weights Xavier-uniform, recurrent weights orthogonal, all biases 0.001.
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
        _network = new LstmNetwork(latent.Dim, options.Hidden, options.Layers, options.Cell, options.Output == LstmOutput.TanhPlus, options.Residual);
        _network.to(device.DType).to(device.Device);
        _network.Initialise();
        ReferenceNames = ReferenceNamesOf(_network.RecurrentName, options.Layers);
    }

    public nn.Module Module => _network;

    /// <summary>
    /// The reference wraps one PyTorch LSTMCell or GRUCell per layer (same gate order and biases) in
    /// <c>RNN.&lt;l&gt;.RNN_cell</c>; its head is <c>RNN_OUTPUT.0</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReferenceNames { get; }

    private static Dictionary<string, string> ReferenceNamesOf(string recurrent, int layers)
    {
        var names = new Dictionary<string, string> { ["head.weight"] = "RNN_OUTPUT.0.weight", ["head.bias"] = "RNN_OUTPUT.0.bias" };
        for (int l = 0; l < layers; l++)
            foreach (var parameter in new[] { "weight_ih", "weight_hh", "bias_ih", "bias_hh" })
                names[$"{recurrent}.{parameter}_l{l}"] = $"RNN.{l}.RNN_cell.{parameter}";
        return names;
    }

    /// <summary>The current weights compiled for one trajectory in the model's precision (<see cref="LstmFastStep{T}"/>).</summary>
    public IFastLatentStep CompileStep()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // The scope holds every temporary tensor until the values are copied out and then frees it, rather than leaving
        // them to the finalizer (many compilations, as one per initial condition, would otherwise pile them up).
        Dictionary<string, double[]> p;
        using (NewDisposeScope())
            p = _network.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray());
        return _device.DType == ScalarType.Float32 ? Compile<float>(p) : Compile<double>(p);
    }

    private LstmFastStep<T> Compile<T>(Dictionary<string, double[]> p) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int dz = _network.LatentDim, hidden = _network.Hidden;
        string r = _network.RecurrentName;
        var layers = Enumerable.Range(0, _network.Layers).Select(l =>
        {
            int inputs = l == 0 ? dz : hidden;
            var (wih, whh, bih, bhh) = (p[$"{r}.weight_ih_l{l}"], p[$"{r}.weight_hh_l{l}"], p[$"{r}.bias_ih_l{l}"], p[$"{r}.bias_hh_l{l}"]);
            return _network.Cell == RecurrentCell.Gru
                ? (IRecurrentLayer<T>)new GruLayer<T>(inputs, hidden, wih, whh, bih, bhh)
                : new LstmLayer<T>(inputs, hidden, wih, whh, bih, bhh);
        }).ToArray();
        return new LstmFastStep<T>(dz, hidden, layers, p["head.weight"], p["head.bias"], _options.Output == LstmOutput.TanhPlus, _options.Residual);
    }

    public PropagatorState Start(int batchSize)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Tensor State() => zeros(_network.Layers, batchSize, _network.Hidden, dtype: _device.DType, device: _device.Device);
        return new LstmState(State(), _network.Cell == RecurrentCell.Gru ? null : State());
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
