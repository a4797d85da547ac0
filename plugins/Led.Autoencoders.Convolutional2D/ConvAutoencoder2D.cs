using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>
/// The reference's 2-D convolutional autoencoder family for the cylinder flow (reference-spec §6, <c>conv_latent_6</c>)
/// for systems on a 2-D grid: states <c>[B, C, Ny, Nx]</c> ↔ latents <c>[B, d_z]</c>.
/// <para>
/// Sizes: the input is first resized bicubically by <see cref="ConvAutoencoder2DOptions.InputSubsampling"/> s to
/// [round(Ny/s), round(Nx/s)] (skipped for s = 1), then zero-padded in each dimension to the next multiple of 2^L
/// (L = number of layers), ⌊extra/2⌋ before and the rest after (e.g. 100 → 128 with L = 5 pads 14 above, 14 below);
/// each encoder layer halves both sizes. The decoder doubles them back, the padding is cropped, the result resized to
/// [Ny, Nx] (when s &gt; 1), and tanhplus maps it into (0, 1) like MinMax-scaled data.
/// </para>
/// </summary>
public sealed class ConvAutoencoder2D : IAutoencoder, ITrainable, IFastDecoderSource, IDisposable
{
    private readonly ConvNetwork2D _network;
    private readonly ILogger _log;
    private bool _disposed;

    /// <summary>Builds the network on <paramref name="device"/> with the reference's initialisation.</summary>
    /// <exception cref="ArgumentException">Invalid options, a system that is not 2-D, or a grid too small for the layers.</exception>
    public ConvAutoencoder2D(ConvAutoencoder2DOptions options, SystemDescription system, IDeviceContext device) : this(options, system, device, null)
    {
    }

    /// <summary>Builds the network; <paramref name="log"/> says when the decoder cannot be compiled (<see cref="CompileDecoder"/>).</summary>
    /// <exception cref="ArgumentException">Invalid options, a system that is not 2-D, or a grid too small for the layers.</exception>
    public ConvAutoencoder2D(ConvAutoencoder2DOptions options, SystemDescription system, IDeviceContext device, ILogger<ConvAutoencoder2D>? log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(device);
        options.CheckShapes(system, null);
        _log = log ?? NullLogger<ConvAutoencoder2D>.Instance;

        InputChannels = system.Channels.Count;
        Height = system.Grid[0];
        Width = system.Grid[1];
        InputSubsampling = options.InputSubsampling;
        ResizedHeight = ConvAutoencoder2DOptions.Resized(Height, InputSubsampling);
        ResizedWidth = ConvAutoencoder2DOptions.Resized(Width, InputSubsampling);
        int layers = options.Channels.Count;
        int multiple = 1 << layers;
        PaddedHeight = RoundUp(ResizedHeight, multiple);
        PaddedWidth = RoundUp(ResizedWidth, multiple);
        PaddingTop = (PaddedHeight - ResizedHeight) / 2;
        PaddingBottom = PaddedHeight - ResizedHeight - PaddingTop;
        PaddingLeft = (PaddedWidth - ResizedWidth) / 2;
        PaddingRight = PaddedWidth - ResizedWidth - PaddingLeft;
        BottleneckHeight = PaddedHeight >> layers;
        BottleneckWidth = PaddedWidth >> layers;

        LatentDim = options.LatentDim;
        Device = device.Device;
        DType = device.DType;
        _network = new ConvNetwork2D(this, options, Device, DType);
    }

    /// <inheritdoc />
    public int LatentDim { get; }

    /// <summary>Channels C of the observable.</summary>
    public int InputChannels { get; }

    /// <summary>Grid points Ny (first spatial dimension) of the observable.</summary>
    public int Height { get; }

    /// <summary>Grid points Nx (second spatial dimension) of the observable.</summary>
    public int Width { get; }

    /// <summary>The bicubic input resize factor s (1: none).</summary>
    public int InputSubsampling { get; }

    /// <summary>Height the encoder sees before padding: round(Ny/s).</summary>
    public int ResizedHeight { get; }

    /// <summary>Width the encoder sees before padding: round(Nx/s).</summary>
    public int ResizedWidth { get; }

    /// <summary>The height after zero padding: the next multiple of 2^L ≥ <see cref="ResizedHeight"/>.</summary>
    public int PaddedHeight { get; }

    /// <summary>The width after zero padding: the next multiple of 2^L ≥ <see cref="ResizedWidth"/>.</summary>
    public int PaddedWidth { get; }

    /// <summary>Zero rows added above (⌊(padded − resized)/2⌋).</summary>
    public int PaddingTop { get; }

    /// <summary>Zero rows added below (⌈(padded − resized)/2⌉).</summary>
    public int PaddingBottom { get; }

    /// <summary>Zero columns added on the left (⌊(padded − resized)/2⌋).</summary>
    public int PaddingLeft { get; }

    /// <summary>Zero columns added on the right (⌈(padded − resized)/2⌉).</summary>
    public int PaddingRight { get; }

    /// <summary>Height of the last encoder feature map, PaddedHeight/2^L.</summary>
    public int BottleneckHeight { get; }

    /// <summary>Width of the last encoder feature map, PaddedWidth/2^L.</summary>
    public int BottleneckWidth { get; }

    /// <summary>Where the parameters live.</summary>
    public torch.Device Device { get; }

    /// <summary>Floating-point type of the parameters.</summary>
    public ScalarType DType { get; }

    /// <inheritdoc />
    public nn.Module Module => _network;

    /// <summary>Encodes states <c>[B, C, Ny, Nx]</c> into latents <c>[B, d_z]</c>.</summary>
    /// <exception cref="ArgumentException">The states do not have the shape <c>[B, C, Ny, Nx]</c> of the system.</exception>
    public Tensor Encode(Tensor states)
    {
        ArgumentNullException.ThrowIfNull(states);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (states.dim() != 4 || states.shape[1] != InputChannels || states.shape[2] != Height || states.shape[3] != Width)
            throw new ArgumentException(
                $"ConvAutoencoder2D.Encode expects states of shape [B, {InputChannels}, {Height}, {Width}] (batch, channels, Ny, Nx of the system), " +
                $"but got {Format(states.shape)}; pass a batch of scaled snapshots laid out [batch, channel, y, x].", nameof(states));
        return _network.Encode(states);
    }

    /// <summary>Decodes latents <c>[B, d_z]</c> into states <c>[B, C, Ny, Nx]</c> with values in (0, 1).</summary>
    /// <exception cref="ArgumentException">The latents do not have the shape <c>[B, d_z]</c>.</exception>
    public Tensor Decode(Tensor latents)
    {
        ArgumentNullException.ThrowIfNull(latents);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (latents.dim() != 2 || latents.shape[1] != LatentDim)
            throw new ArgumentException(
                $"ConvAutoencoder2D.Decode expects latents of shape [B, {LatentDim}] (batch, d_z), but got {Format(latents.shape)}.",
                nameof(latents));
        return _network.Decode(latents);
    }

    /// <summary>
    /// The decoder's current weights on plain arrays in the model's precision (<see cref="Conv2dFastDecoder{T}"/>), built
    /// from its modules; batch norm uses its running statistics (evaluation mode). Null, with a log line, when the decoder
    /// holds a module the compiled path does not cover, or resizes its output (inputSubsampling above 1).
    /// </summary>
    public IFastDecoder? CompileDecoder()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var layout = _network.DecoderLayout;
        string? refusal;
        IFastDecoder? decoder = DType == ScalarType.Float32
            ? Conv2dDecoderCompiler.Compile<float>(layout, LatentDim, out refusal)
            : Conv2dDecoderCompiler.Compile<double>(layout, LatentDim, out refusal);
        if (refusal is not null) _log.LogInformation("{Line}", Conv2dDecoderCompiler.Describe(refusal));
        return decoder;
    }

    private static int RoundUp(int size, int multiple) => (size + multiple - 1) / multiple * multiple;

    /// <summary>Releases the network's native parameters and buffers; the autoencoder cannot be used afterwards. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _network.Dispose();
    }

    private static string Format(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";
}
