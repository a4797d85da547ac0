using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional;

/// <summary>
/// The reference's 1-D convolutional autoencoder (<c>conv_mlp_model_1D.py</c>, <c>conv_latent_1</c>; reference-spec
/// §3.3) for systems on a 1-D grid: states <c>[B, C, X]</c> ↔ latents <c>[B, d_z]</c>. The width is zero-padded to
/// the next power of two (101 → 128 as 13 left, 14 right), each encoder layer halves it, and the decoder's tanhplus
/// output lies in (0, 1) like MinMax-scaled data.
/// </summary>
public sealed class ConvAutoencoder1D : IAutoencoder, ITrainable, IFastDecoderSource, IDisposable
{
    private readonly ConvNetwork1D _network;
    private readonly ILogger _log;
    private bool _disposed;

    /// <summary>Builds the network on <paramref name="device"/> with the reference's initialisation.</summary>
    /// <exception cref="ArgumentException">Invalid options, a system that is not 1-D, or a width too small for the layers.</exception>
    public ConvAutoencoder1D(ConvAutoencoder1DOptions options, SystemDescription system, IDeviceContext device) : this(options, system, device, null)
    {
    }

    /// <summary>Builds the network; <paramref name="log"/> says when the decoder cannot be compiled (<see cref="CompileDecoder"/>).</summary>
    /// <exception cref="ArgumentException">Invalid options, a system that is not 1-D, or a width too small for the layers.</exception>
    public ConvAutoencoder1D(ConvAutoencoder1DOptions options, SystemDescription system, IDeviceContext device, ILogger<ConvAutoencoder1D>? log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(device);
        options.CheckShapes(system, null);
        _log = log ?? NullLogger<ConvAutoencoder1D>.Instance;

        InputChannels = system.Channels.Count;
        Width = system.Grid[0];
        PaddedWidth = ConvAutoencoder1DOptions.PaddedWidthOf(Width);
        PaddingLeft = (PaddedWidth - Width) / 2;
        PaddingRight = PaddedWidth - Width - PaddingLeft;

        LatentDim = options.LatentDim;
        Device = device.Device;
        DType = device.DType;
        _network = new ConvNetwork1D(InputChannels, Width, PaddingLeft, PaddingRight, options, Device, DType);
    }

    /// <inheritdoc />
    public int LatentDim { get; }

    /// <summary>Channels C of the observable.</summary>
    public int InputChannels { get; }

    /// <summary>Grid points X of the observable.</summary>
    public int Width { get; }

    /// <summary>The width after zero padding: the next power of two ≥ X.</summary>
    public int PaddedWidth { get; }

    /// <summary>Zeros added before the first grid point (⌊(padded − X)/2⌋).</summary>
    public int PaddingLeft { get; }

    /// <summary>Zeros added after the last grid point (⌈(padded − X)/2⌉).</summary>
    public int PaddingRight { get; }

    /// <summary>Where the parameters live.</summary>
    public torch.Device Device { get; }

    /// <summary>Floating-point type of the parameters.</summary>
    public ScalarType DType { get; }

    /// <inheritdoc />
    public nn.Module Module => _network;

    /// <summary>Encodes states <c>[B, C, X]</c> into latents <c>[B, d_z]</c>.</summary>
    /// <exception cref="ArgumentException">The states do not have the shape <c>[B, C, X]</c> of the system.</exception>
    public Tensor Encode(Tensor states)
    {
        ArgumentNullException.ThrowIfNull(states);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (states.dim() != 3 || states.shape[1] != InputChannels || states.shape[2] != Width)
            throw new ArgumentException(
                $"ConvAutoencoder1D.Encode expects states of shape [B, {InputChannels}, {Width}] (batch, channels, X of the system), " +
                $"but got {Format(states.shape)}; pass a batch of scaled snapshots laid out [batch, channel, x].", nameof(states));
        return _network.Encode(states);
    }

    /// <summary>Decodes latents <c>[B, d_z]</c> into states <c>[B, C, X]</c> with values in (0, 1).</summary>
    /// <exception cref="ArgumentException">The latents do not have the shape <c>[B, d_z]</c>.</exception>
    public Tensor Decode(Tensor latents)
    {
        ArgumentNullException.ThrowIfNull(latents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (latents.dim() != 2 || latents.shape[1] != LatentDim)
            throw new ArgumentException(
                $"ConvAutoencoder1D.Decode expects latents of shape [B, {LatentDim}] (batch, d_z), but got {Format(latents.shape)}.",
                nameof(latents));
        return _network.Decode(latents);
    }

    /// <summary>
    /// The decoder's current weights on plain arrays in the model's precision (<see cref="ConvFastDecoder{T}"/>), built from
    /// its modules; batch norm uses its running statistics (evaluation mode). Null, with a log line, when the decoder holds a
    /// module the compiled path does not cover.
    /// </summary>
    public IFastDecoder? CompileDecoder()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var layout = _network.DecoderLayout;
        string? refusal;
        IFastDecoder? decoder = DType == ScalarType.Float32
            ? ConvDecoderCompiler.Compile<float>(layout, LatentDim, out refusal)
            : ConvDecoderCompiler.Compile<double>(layout, LatentDim, out refusal);
        if (refusal is not null) _log.LogInformation("{Line}", ConvDecoderCompiler.Describe(refusal));
        return decoder;
    }

    /// <summary>Releases the network's native parameters and buffers; the autoencoder cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _network.Dispose();
    }

    private static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
