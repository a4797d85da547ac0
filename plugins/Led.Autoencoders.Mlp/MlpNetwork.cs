using Led.Toolkit.Learning;
using static TorchSharp.torch;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// The module tree of <see cref="MlpAutoencoder"/> (reference-spec §3.2), laid out like the reference's two
/// <c>Sequential</c>s so that <c>named_parameters()</c> matches its state dict. For n = 3:
/// <c>ENCODER</c> = 0 flatten, 1 Lin(in→w), 2 CELU, 3 dropout, 4 Lin(w→w)+skip, 5 CELU, 6 dropout, 7 Lin(w→w)+skip,
/// 8 CELU, 9 dropout, 10 Lin(w→d_z), 11 CELU; <c>DECODER</c> = 0 Lin(d_z→w), 1 CELU, 2 dropout, 3 Lin(w→w)+skip, 4, 5,
/// 6 Lin(w→w)+skip, 7, 8, 9 Lin(w→in), 10 tanhplus. Dropout keeps everything (keep probability 1 in every paper run),
/// so it is an identity placeholder that holds the index. With explicit hidden widths [w₁ … wₙ] the encoder runs
/// in → w₁ → … → wₙ → d_z and the decoder d_z → wₙ → … → w₁ → in, each Linear with the skip where it is square; the
/// activation option replaces every CELU (the indices, hence the parameter names, stay the same).
/// </summary>
internal sealed class MlpNetwork : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> _encoder;
    private readonly nn.Module<Tensor, Tensor> _decoder;
    private readonly long[] _stateShape;

    /// <param name="stateShape">The observable's shape <c>[channels, grid…]</c>.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public MlpNetwork(IReadOnlyList<int> stateShape, MlpAutoencoderOptions options, Device device, ScalarType dtype)
        : base(nameof(MlpAutoencoder))
    {
        _stateShape = stateShape.Select(s => (long)s).ToArray();
        long size = _stateShape.Aggregate(1L, (a, b) => a * b);
        var widths = options.EffectiveHiddenWidths;

        var encoder = new List<(string, nn.Module<Tensor, Tensor>)>();
        encoder.Add((Index(encoder), nn.Flatten(1)));
        long inFeatures = size;
        foreach (int width in widths)
        {
            encoder.Add((Index(encoder), new ReferenceLinear(inFeatures, width, device, dtype)));
            encoder.Add((Index(encoder), ActivationLayer.Create(options.Activation)));
            encoder.Add((Index(encoder), nn.Identity()));
            inFeatures = width;
        }
        encoder.Add((Index(encoder), new ReferenceLinear(inFeatures, options.LatentDim, device, dtype)));
        encoder.Add((Index(encoder), ActivationLayer.Create(options.Activation)));

        var decoder = new List<(string, nn.Module<Tensor, Tensor>)>();
        inFeatures = options.LatentDim;
        foreach (int width in widths.Reverse())
        {
            decoder.Add((Index(decoder), new ReferenceLinear(inFeatures, width, device, dtype)));
            decoder.Add((Index(decoder), ActivationLayer.Create(options.Activation)));
            decoder.Add((Index(decoder), nn.Identity()));
            inFeatures = width;
        }
        decoder.Add((Index(decoder), new ReferenceLinear(inFeatures, size, device, dtype)));
        decoder.Add((Index(decoder), new TanhPlus()));

        _encoder = nn.Sequential(encoder.ToArray());
        _decoder = nn.Sequential(decoder.ToArray());
        register_module("ENCODER", _encoder);
        register_module("DECODER", _decoder);
        ReferenceInitialisation.Apply(this);
    }

    /// <summary>
    /// The submodules are registered by name in the constructor (the names the saved and imported models use); a parent
    /// module registering this one (end-to-end training) must not register the private fields a second time.
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>[B, channels, grid…] → [B, d_z].</summary>
    public Tensor Encode(Tensor states)
    {
        using var scope = NewDisposeScope();
        return _encoder.call(states).MoveToOuterDisposeScope();
    }

    /// <summary>[B, d_z] → [B, channels, grid…], values in (0, 1).</summary>
    public Tensor Decode(Tensor latents)
    {
        using var scope = NewDisposeScope();
        return _decoder.call(latents).reshape([latents.shape[0], .. _stateShape]).MoveToOuterDisposeScope();
    }

    /// <summary>The reconstruction D(E(x)).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Decode(Encode(input)).MoveToOuterDisposeScope();
    }

    private static string Index(List<(string, nn.Module<Tensor, Tensor>)> layers) =>
        layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
