using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// The reference's fully connected autoencoder (<c>mlp_autoencoders.py</c>, <c>-AUTO_&lt;n&gt;x&lt;w&gt;</c>; reference-spec
/// §3.2) for any grid: states <c>[B, C, grid…]</c> are flattened channel-major, encoded through n CELU layers (by
/// default; the widths and the activation are options) with
/// identity skips on the square ones into latents <c>[B, d_z]</c>, and decoded back through tanhplus, so outputs lie
/// in (0, 1) like MinMax-scaled data. Parameter names are the reference's (<c>ENCODER.1.layer.weight</c>, …), so its
/// PyTorch state dict can be loaded into <see cref="Module"/>.
/// </summary>
public sealed class MlpAutoencoder : IAutoencoder, ITrainable, IDisposable, IFastDecoderSource
{
    private readonly MlpNetwork _network;
    private bool _disposed;
    private readonly int[] _stateShape;

    /// <summary>Builds the network on <paramref name="device"/> with the reference's initialisation.</summary>
    /// <exception cref="ArgumentException">Invalid options or an empty observable.</exception>
    public MlpAutoencoder(MlpAutoencoderOptions options, SystemDescription system, IDeviceContext device)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(device);
        options.CheckShapes(system, null);
        _stateShape = system.Shape;
        LatentDim = options.LatentDim;
        InputSize = system.Size;
        Device = device.Device;
        DType = device.DType;
        Activation = options.Activation;
        _network = new MlpNetwork(_stateShape, options, Device, DType);
    }

    /// <inheritdoc />
    public int LatentDim { get; }

    /// <summary>The hidden layers' activation.</summary>
    public Activation Activation { get; }

    /// <summary>Values in one flattened snapshot, C·∏grid (202 for FHN).</summary>
    public int InputSize { get; }

    /// <summary>The observable's shape <c>[channels, grid…]</c>.</summary>
    public IReadOnlyList<int> StateShape => _stateShape;

    /// <summary>Where the parameters live.</summary>
    public torch.Device Device { get; }

    /// <summary>Floating-point type of the parameters.</summary>
    public ScalarType DType { get; }

    /// <inheritdoc />
    public nn.Module Module => _network;

    /// <summary>Encodes states <c>[B, C, grid…]</c> into latents <c>[B, d_z]</c>.</summary>
    /// <exception cref="ArgumentException">The states do not have the shape <c>[B, C, grid…]</c> of the system.</exception>
    public Tensor Encode(Tensor states)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BatchShapes.RequireStates(states, _stateShape, "MlpAutoencoder.Encode");
        return _network.Encode(states);
    }

    /// <summary>Decodes latents <c>[B, d_z]</c> into states <c>[B, C, grid…]</c> with values in (0, 1).</summary>
    /// <exception cref="ArgumentException">The latents do not have the shape <c>[B, d_z]</c>.</exception>
    public Tensor Decode(Tensor latents)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BatchShapes.RequireLatents(latents, LatentDim, "MlpAutoencoder.Decode");
        return _network.Decode(latents);
    }

    /// <summary>Releases the network's native parameters and buffers; the autoencoder cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _network.Dispose();
    }

    /// <summary>
    /// The decoder's current weights on plain arrays in the model's precision (<see cref="MlpFastDecoder{T}"/>); for an
    /// activation it does not implement (GELU), the tensor decoder run on one state at a time.
    /// </summary>
    public IFastDecoder CompileDecoder()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!MlpFastDecoder<double>.Supports(Activation)) return new TensorPathDecoder(this);
        var parameters = Module.named_parameters()
            .Where(p => p.name.StartsWith("DECODER.", StringComparison.Ordinal))
            .Select(p => (Index: int.Parse(p.name.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture), Kind: p.name.Split('.')[^1],
                Tensor: p.parameter.detach().cpu().to(TorchSharp.torch.ScalarType.Float64).contiguous()))
            .GroupBy(p => p.Index).OrderBy(g => g.Key)
            .Select(g =>
            {
                var weight = g.Single(p => p.Kind == "weight").Tensor;
                return (weight.data<double>().ToArray(), g.Single(p => p.Kind == "bias").Tensor.data<double>().ToArray(), (int)weight.shape[1], (int)weight.shape[0]);
            }).ToList();
        return DType == ScalarType.Float32 ? new MlpFastDecoder<float>(parameters, Activation) : new MlpFastDecoder<double>(parameters, Activation);
    }
}
