using System.ComponentModel.DataAnnotations;
using System.Numerics;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Learning;
using Led.Toolkit.Validation;

namespace Led.Autoencoders.Convolutional;

/// <summary>
/// Options of the <c>ConvAutoencoder1D</c> autoencoder; the defaults are the paper's KS model
/// (<c>CHANNELS_1-16-32-64-8-KERNELS_5-5-5-5-BN_0-TRANS_0-POOL_avg</c>, d_z = 8).
/// </summary>
public sealed class ConvAutoencoder1DOptions : IValidatableObject, IShapeOptions
{
    /// <summary>Largest number of convolutional layers accepted (each halves the padded width).</summary>
    public const int MaxLayers = 16;

    /// <summary>Latent dimension d_z.</summary>
    [Range(1, 1 << 20, ErrorMessage = "LatentDim must be a positive integer (the paper's KS model uses 8).")]
    public int LatentDim { get; set; } = 8;

    /// <summary>
    /// Output channels of the encoder's convolutional layers, first to last; the decoder uses them reversed.
    /// The number of layers is the number of entries.
    /// </summary>
    [Required(ErrorMessage = "Channels must list the channels of each convolutional layer, e.g. [16, 32, 64, 8].")]
    [MinLength(1, ErrorMessage = "Channels must list at least one layer's channels, e.g. [16, 32, 64, 8].")]
    public List<int> Channels { get; set; } = [16, 32, 64, 8];

    /// <summary>Kernel size of every convolution (odd, so that the (k−1)/2 zero padding keeps the width), unless <see cref="Kernels"/> is set.</summary>
    [Range(1, 1001, ErrorMessage = "Kernel must be an odd kernel size between 1 and 1001 (the reference uses 5).")]
    public int Kernel { get; set; } = 5;

    /// <summary>BatchNorm1d without affine parameters after every encoder convolution except the last.</summary>
    public bool BatchNorm { get; set; }

    /// <summary>Decoder convolutions are ConvTranspose1d (stride 1) instead of Conv1d.</summary>
    public bool Transpose { get; set; }

    /// <summary>
    /// Padding of the convolutions and of the grid to the padded width: <c>zeros</c> (the reference's) or <c>circular</c>
    /// (wrapped, for periodic systems such as KS); circular padding needs <see cref="Transpose"/> off.
    /// </summary>
    public ConvPadding Padding { get; set; } = ConvPadding.Zeros;

    /// <summary>Encoder pooling: <c>avg</c> (AvgPool1d(2, 2)) or <c>max</c> (MaxPool1d(2, 2))).</summary>
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

    /// <summary>Whether <see cref="Pooling"/> selects max pooling (otherwise average pooling).</summary>
    public bool UsesMaxPooling => Pooling == PoolingKind.Max;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kernel >= 1 && Kernel % 2 == 0)
            yield return new ValidationResult(
                $"Kernel ({Kernel}) must be odd so that the zero padding of (Kernel-1)/2 on each side keeps the width; use e.g. {Kernel + 1} (the reference uses 5).",
                [nameof(Kernel)]);

        if (Channels is { Count: > 0 })
        {
            if (Channels.Count > MaxLayers)
                yield return new ValidationResult(
                    $"Channels lists {Channels.Count} layers; at most {MaxLayers} are supported (each layer halves the width; the reference uses 4).",
                    [nameof(Channels)]);
            for (int i = 0; i < Channels.Count; i++)
                if (Channels[i] < 1)
                    yield return new ValidationResult(
                        $"Channels[{i}] is {Channels[i]}; every layer needs at least one channel, e.g. [16, 32, 64, 8].",
                        [nameof(Channels)]);
        }

        if (Padding == ConvPadding.Circular && Transpose)
            yield return new ValidationResult(
                "Padding circular needs Transpose false: transposed convolutions have no circular padding; use padding zeros or transpose false.",
                [nameof(Padding)]);

        foreach (var error in LayerOptionRules.Pooling(Pooling)
                     .Concat(LayerOptionRules.Activation(Activation))
                     .Concat(LayerOptionRules.Kernels(Kernels, Channels, Kernel, 1001)))
            yield return error;
    }

    /// <summary>All validation errors (attributes and cross-field rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> Errors() => OptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "ConvAutoencoder1D");

    /// <summary>Checks the options and the system's grid (1-D, its padded width divisible by 2^layers); the latent space is d_z.</summary>
    /// <exception cref="ArgumentException">Invalid options, or a grid the network cannot take.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        ThrowIfInvalid();
        string shape = "[" + string.Join(", ", system.Shape) + "]";
        if (system.Grid.Count != 1)
            throw new ArgumentException(
                $"ConvAutoencoder1D needs a system on a 1-D grid, observable shape [channels, X], but the system's observable shape is " +
                $"{shape} ({system.Grid.Count} spatial dimension{(system.Grid.Count == 1 ? "" : "s")}); " +
                "use an autoencoder for that grid, e.g. MlpAutoencoder, which flattens any grid.", nameof(system));
        if (system.Channels.Count < 1 || system.Grid[0] < 1)
            throw new ArgumentException(
                $"ConvAutoencoder1D needs at least one channel and one grid point, but the system's observable shape is {shape}.",
                nameof(system));
        int width = system.Grid[0], padded = PaddedWidthOf(width), layers = Channels.Count;
        if (padded % (1L << layers) != 0)
            throw new ArgumentException(
                $"ConvAutoencoder1D with {layers} layers halves the width {layers} times, so the padded width must be divisible by " +
                $"2^{layers} = {1L << layers}, but the system's X = {width} pads only to {padded}; use at most " +
                $"{BitOperations.Log2((uint)padded)} entries in Channels or a finer grid.", "options");
        for (int i = 0; Padding == ConvPadding.Circular && i < layers; i++)
        {
            int half = (KernelOf(i) - 1) / 2;
            if (half > padded >> i)
                throw new ArgumentException(
                    $"ConvAutoencoder1D layer {i} pads {half} values circularly, more than the {padded >> i} it has (padded width {padded} " +
                    $"halved {i} times); use a kernel of at most {2 * (padded >> i) + 1} for that layer, fewer layers, or padding zeros.", "options");
        }
        return new LatentSpace(LatentDim);
    }

    /// <summary>The width the encoder pads a grid of <paramref name="width"/> points to: the next power of two.</summary>
    internal static int PaddedWidthOf(int width) => checked((int)BitOperations.RoundUpToPowerOf2((uint)width));
}
