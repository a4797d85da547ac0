using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Learning;
using Led.Toolkit.Validation;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>
/// Options of the <c>ConvAutoencoder2D</c> autoencoder, the reference's cylinder-flow family (reference-spec §6,
/// <c>conv_latent_6</c>: kernel 13, batch norm, transposed convolutions, average pooling, input resizing, d_z = 4 at
/// Re 100 and 10 at Re 1000). The defaults keep that architecture but are sized for reduced grids on a few CPU cores:
/// kernel 5, five layers of [16, 16, 16, 16, 4] channels, no input resizing.
/// </summary>
public sealed class ConvAutoencoder2DOptions : IValidatableObject, IShapeOptions
{
    /// <summary>Largest number of convolutional layers accepted (each halves both padded sizes).</summary>
    public const int MaxLayers = 16;

    /// <summary>Largest input subsampling factor accepted.</summary>
    public const int MaxInputSubsampling = 64;

    /// <summary>Latent dimension d_z (the paper: 4 at Re 100, 10 at Re 1000).</summary>
    [Range(1, 1 << 20, ErrorMessage = "LatentDim must be a positive integer (the paper uses 4 at Re 100 and 10 at Re 1000).")]
    public int LatentDim { get; set; } = 4;

    /// <summary>
    /// Output channels of the encoder's convolutional layers, first to last; the decoder uses them reversed and ends
    /// with the observable's channels. The number of layers is the number of entries (the paper: [20, 20, 20, 20, 20, 2]).
    /// </summary>
    [Required(ErrorMessage = "Channels must list the channels of each convolutional layer, e.g. [16, 16, 16, 16, 4].")]
    [MinLength(1, ErrorMessage = "Channels must list at least one layer's channels, e.g. [16, 16, 16, 16, 4].")]
    public List<int> Channels { get; set; } = [16, 16, 16, 16, 4];

    /// <summary>Kernel size k × k of every convolution (odd, so that the (k−1)/2 zero padding keeps the size; the paper uses 13), unless <see cref="Kernels"/> is set.</summary>
    [Range(1, 101, ErrorMessage = "Kernel must be an odd kernel size between 1 and 101 (the paper uses 13; 5 suits small grids).")]
    public int Kernel { get; set; } = 5;

    /// <summary>
    /// BatchNorm2d without affine parameters after every encoder and decoder convolution except the last of each
    /// (the paper's <c>BN_1</c>). Both keep running statistics, used in evaluation mode.
    /// </summary>
    public bool BatchNorm { get; set; } = true;

    /// <summary>
    /// Decoder layers are ConvTranspose2d(k, stride 2, padding (k−1)/2, output padding 1), which doubles both sizes
    /// (the paper's <c>TR_1</c>); otherwise bilinear ×2 upsampling followed by Conv2d(k, padding (k−1)/2).
    /// </summary>
    public bool Transpose { get; set; } = true;

    /// <summary>
    /// Padding of the convolutions and of the grid to the padded size in both directions: <c>zeros</c> (the
    /// reference's) or <c>circular</c> (wrapped, for periodic directions). <see cref="PaddingY"/> and
    /// <see cref="PaddingX"/> override it per axis (e.g. a channel periodic in x only: padding zeros, paddingX circular).
    /// Circular padding in any direction needs <see cref="Transpose"/> off.
    /// </summary>
    public ConvPadding Padding { get; set; } = ConvPadding.Zeros;

    /// <summary>Padding along y (the first spatial dimension, Ny); unset: <see cref="Padding"/>.</summary>
    public ConvPadding? PaddingY { get; set; }

    /// <summary>Padding along x (the second spatial dimension, Nx); unset: <see cref="Padding"/>.</summary>
    public ConvPadding? PaddingX { get; set; }

    /// <summary>Whether y is padded circularly.</summary>
    public bool CircularY => (PaddingY ?? Padding) == ConvPadding.Circular;

    /// <summary>Whether x is padded circularly.</summary>
    public bool CircularX => (PaddingX ?? Padding) == ConvPadding.Circular;

    /// <summary>Encoder pooling: <c>avg</c> (AvgPool2d(2, 2), the paper's) or <c>max</c> (MaxPool2d(2, 2))).</summary>
    public PoolingKind Pooling { get; set; } = PoolingKind.Avg;

    /// <summary>
    /// Kernel size of each convolutional layer, first to last (one per entry of <see cref="Channels"/>, each odd),
    /// replacing <see cref="Kernel"/> when set; the decoder's layer i uses the kernel of the encoder layer it mirrors.
    /// </summary>
    public List<int>? Kernels { get; set; }

    /// <summary>Activation after the hidden convolutions and the latent layers (default <c>celu</c>, the reference's).</summary>
    public Activation Activation { get; set; } = Activation.Celu;

    /// <summary>The kernel of encoder layer <paramref name="layer"/>: <see cref="Kernels"/>[layer] if set, else <see cref="Kernel"/>.</summary>
    public int KernelOf(int layer) => Kernels is null ? Kernel : Kernels[layer];

    /// <summary>
    /// Factor s of the bicubic input resize (the paper's <c>AE_interp_subsampling_input</c>, 2 for 512 × 1024): the
    /// encoder sees [Ny/s, Nx/s] (rounded) and the decoder's output is resized back to [Ny, Nx] before tanhplus.
    /// 1 (default) leaves the grid as it is.
    /// </summary>
    [Range(1, MaxInputSubsampling, ErrorMessage = "InputSubsampling must be between 1 (none) and 64 (the paper uses 2).")]
    public int InputSubsampling { get; set; } = 1;

    /// <summary>Whether <see cref="Pooling"/> selects max pooling (otherwise average pooling).</summary>
    public bool UsesMaxPooling => Pooling == PoolingKind.Max;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kernel >= 1 && Kernel % 2 == 0)
            yield return new ValidationResult(
                $"Kernel ({Kernel}) must be odd so that the zero padding of (Kernel-1)/2 on each side keeps the size; use e.g. {Kernel + 1} (the paper uses 13).",
                [nameof(Kernel)]);

        if (Channels is { Count: > 0 })
        {
            if (Channels.Count > MaxLayers)
                yield return new ValidationResult(
                    $"Channels lists {Channels.Count} layers; at most {MaxLayers} are supported (each layer halves both sizes; the paper uses 6).",
                    [nameof(Channels)]);
            for (int i = 0; i < Channels.Count; i++)
                if (Channels[i] < 1)
                    yield return new ValidationResult(
                        $"Channels[{i}] is {Channels[i]}; every layer needs at least one channel, e.g. [16, 16, 16, 16, 4].",
                        [nameof(Channels)]);
        }

        if ((CircularY || CircularX) && Transpose)
            yield return new ValidationResult(
                "Circular padding needs Transpose false: transposed convolutions have no circular padding; use padding zeros or transpose false.",
                [PaddingY == ConvPadding.Circular ? nameof(PaddingY) : PaddingX == ConvPadding.Circular ? nameof(PaddingX) : nameof(Padding)]);

        foreach (var error in LayerOptionRules.Pooling(Pooling)
                     .Concat(LayerOptionRules.Activation(Activation))
                     .Concat(LayerOptionRules.Kernels(Kernels, Channels, Kernel, 101)))
            yield return error;
    }

    /// <summary>All validation errors (attributes and cross-field rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> Errors() => OptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "ConvAutoencoder2D");

    /// <summary>Checks the options and the system's grid (2-D, each resized size at least 2^layers); the latent space is d_z.</summary>
    /// <exception cref="ArgumentException">Invalid options, or a grid the network cannot take.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        ThrowIfInvalid();
        string shape = "[" + string.Join(", ", system.Shape) + "]";
        if (system.Grid.Count != 2)
            throw new ArgumentException(
                $"ConvAutoencoder2D needs a system on a 2-D grid, observable shape [channels, Ny, Nx], but the system's observable shape is " +
                $"{shape} ({system.Grid.Count} spatial dimension{(system.Grid.Count == 1 ? "" : "s")}); " +
                "use an autoencoder for that grid, e.g. ConvAutoencoder1D for 1-D grids or MlpAutoencoder, which flattens any grid.", nameof(system));
        if (system.Channels.Count < 1 || system.Grid[0] < 1 || system.Grid[1] < 1)
            throw new ArgumentException(
                $"ConvAutoencoder2D needs at least one channel and one grid point per dimension, but the system's observable shape is {shape}.",
                nameof(system));
        var (height, width) = (system.Grid[0], system.Grid[1]);
        int resizedHeight = Resized(height, InputSubsampling), resizedWidth = Resized(width, InputSubsampling);
        int layers = Channels.Count, multiple = 1 << layers;
        if (resizedHeight < multiple || resizedWidth < multiple)
            throw new ArgumentException(
                $"ConvAutoencoder2D with {layers} layers halves both sizes {layers} times, so each must be at least 2^{layers} = {multiple}, " +
                $"but the encoder sees [{resizedHeight}, {resizedWidth}] (grid [{height}, {width}]" +
                (InputSubsampling > 1 ? $" resized by 1/{InputSubsampling})" : ")") +
                $"; use at most {Math.Max(0, System.Numerics.BitOperations.Log2((uint)Math.Min(resizedHeight, resizedWidth)))} entries in Channels" +
                (InputSubsampling > 1 ? ", a smaller InputSubsampling" : "") + " or a finer grid.", "options");
        int paddedHeight = (resizedHeight + multiple - 1) / multiple * multiple, paddedWidth = (resizedWidth + multiple - 1) / multiple * multiple;
        for (int i = 0; i < layers; i++)
        {
            int half = (KernelOf(i) - 1) / 2;
            foreach (var (circular, axis, padded) in new[] { (CircularY, "y", paddedHeight), (CircularX, "x", paddedWidth) })
                if (circular && half > padded >> i)
                    throw new ArgumentException(
                        $"ConvAutoencoder2D layer {i} pads {half} values circularly along {axis}, more than the {padded >> i} it has there " +
                        $"(padded size {padded} halved {i} times); use a kernel of at most {2 * (padded >> i) + 1} for that layer, " +
                        $"fewer layers, or zeros padding along {axis}.", "options");
        }
        return new LatentSpace(LatentDim);
    }

    /// <summary>A grid size after resizing by 1/<paramref name="factor"/> (rounded half away from zero, at least 1).</summary>
    internal static int Resized(int size, int factor) =>
        factor == 1 ? size : Math.Max(1, (int)Math.Round(size / (double)factor, MidpointRounding.AwayFromZero));
}
