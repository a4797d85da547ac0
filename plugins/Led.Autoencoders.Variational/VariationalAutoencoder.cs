using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Learning;
using static TorchSharp.torch;

namespace Led.Autoencoders.Variational;

/// <summary>
/// A β-variational autoencoder (Kingma and Welling 2014; Higgins et al. 2017): the encoder gives the mean μ and the
/// log-variance log σ² of a Gaussian q(z|x) over d_z latents, the decoder maps latents back to states in (0, 1) through
/// tanhplus, like MinMax-scaled data. <see cref="Encode"/> returns μ, so forecasts are deterministic; the autoencoder
/// training samples z = μ + σ·ε and adds β·KL(q(z|x) ‖ N(0, I)). The backbone is an MLP on the flattened state (any
/// grid) or 1-D convolutions (<see cref="VariationalBackbone"/>). Parameters: <c>encoder.*</c> / <c>encoder_layers.*</c>,
/// <c>mean</c>, <c>log_var</c>, <c>decoder.*</c> / <c>decoder_linear</c>, <c>decoder_layers.*</c>.
/// </summary>
public sealed class VariationalAutoencoder : IAutoencoder, IVariationalEncoder, ITrainable, IDisposable
{
    private readonly VariationalNetwork _network;
    private readonly int[] _stateShape;
    private bool _disposed;

    /// <summary>Builds the network on <paramref name="device"/> (Xavier-uniform weights, biases 0.001).</summary>
    /// <exception cref="ArgumentException">Invalid options, or an observable the backbone cannot take.</exception>
    public VariationalAutoencoder(VariationalAutoencoderOptions options, SystemDescription system, IDeviceContext device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(device);
        options.CheckShapes(system, null);
        _stateShape = system.Shape;
        LatentDim = options.LatentDim;
        Beta = options.Beta;
        _network = options.Backbone == VariationalBackbone.Conv1d
            ? new ConvVariationalNetwork1D(system.Channels.Count, system.Grid[0], options, device.Device, device.DType)
            : new MlpVariationalNetwork(_stateShape, options, device.Device, device.DType);
    }

    /// <inheritdoc />
    public int LatentDim { get; }

    /// <inheritdoc />
    public double Beta { get; }

    /// <inheritdoc />
    public nn.Module Module => _network;

    /// <summary>The latent means μ <c>[B, d_z]</c> of states <c>[B, C, grid…]</c>.</summary>
    /// <exception cref="ArgumentException">The states do not have the shape <c>[B, C, grid…]</c> of the system.</exception>
    public Tensor Encode(Tensor states)
    {
        var (mean, logVariance) = EncodeDistribution(states);
        logVariance.Dispose();
        return mean;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The states do not have the shape <c>[B, C, grid…]</c> of the system.</exception>
    public (Tensor Mean, Tensor LogVariance) EncodeDistribution(Tensor states)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BatchShapes.RequireStates(states, _stateShape, "VariationalAutoencoder.Encode");
        return _network.Encode(states);
    }

    /// <summary>Decodes latents <c>[B, d_z]</c> into states <c>[B, C, grid…]</c> with values in (0, 1).</summary>
    /// <exception cref="ArgumentException">The latents do not have the shape <c>[B, d_z]</c>.</exception>
    public Tensor Decode(Tensor latents)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BatchShapes.RequireLatents(latents, LatentDim, "VariationalAutoencoder.Decode");
        return _network.Decode(latents);
    }

    /// <summary>Releases the network's native parameters; the autoencoder cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _network.Dispose();
    }
}
