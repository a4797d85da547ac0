using Led.Abstractions.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Propagators.Mlp;

/// <summary>
/// A Markovian fully connected propagator z_t ↦ ẑ_{t+Δt}: hidden layers d_z → w → … → w with CELU, tanh or ReLU, and a
/// linear head w → d_z with tanhplus or identity output (optionally residual). It keeps no memory: <see cref="Forward"/>
/// maps every input of <c>[B, T, d_z]</c> on its own. Initialisation as the reference: weights Xavier-uniform, biases 0.001.
/// </summary>
public sealed class MlpPropagator : ILatentPropagator, ITrainable, IFastLatentStepSource, IDisposable
{
    private readonly MlpPropagatorNetwork _network;
    private readonly MlpPropagatorOptions _options;
    private readonly IDeviceContext _device;
    private readonly int _latentDim;
    private bool _disposed;

    /// <exception cref="ArgumentException">Invalid options.</exception>
    public MlpPropagator(MlpPropagatorOptions options, LatentSpace latent, IDeviceContext device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(latent);
        ArgumentNullException.ThrowIfNull(device);
        options.ThrowIfInvalid();
        (_options, _device, _latentDim) = (options, device, latent.Dim);
        _network = new MlpPropagatorNetwork(latent.Dim, options, device.Device, device.DType);
    }

    public nn.Module Module => _network;

    public PropagatorState Start(int batchSize)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new MlpState();
    }

    public Tensor Forward(PropagatorState state, Tensor latents)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (state is not MlpState) throw new ArgumentException("state was not created by this Mlp propagator", nameof(state));
        if (latents.dim() != 3 || latents.shape[2] != _latentDim)
            throw new ArgumentException($"expected latents [B, T, {_latentDim}], got [{string.Join(", ", latents.shape)}]");
        return _network.Run(latents);
    }

    /// <summary>The current weights compiled for one trajectory in the model's precision (<see cref="MlpFastStep{T}"/>).</summary>
    public IFastLatentStep CompileStep()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var scope = NewDisposeScope();                      // the copies to plain arrays leave no tensors behind
        var p = _network.named_parameters().ToDictionary(kv => kv.name, kv => kv.parameter.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray());
        var layers = Enumerable.Range(0, _options.Layers).Select(i => (p[$"hidden.{i}.weight"], p[$"hidden.{i}.bias"]))
            .Append((p["head.weight"], p["head.bias"])).ToList();
        bool tanhplus = _options.Output == MlpOutput.TanhPlus;
        return _device.DType == ScalarType.Float32
            ? new MlpFastStep<float>(layers, _latentDim, _options.Activation, tanhplus, _options.Residual)
            : new MlpFastStep<double>(layers, _latentDim, _options.Activation, tanhplus, _options.Residual);
    }

    /// <summary>Releases the network's native parameters; the propagator cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _network.Dispose();
    }
}
