using TorchSharp;
using Led.Toolkit.Learning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional;

/// <summary>
/// The module tree of <see cref="ConvAutoencoder1D"/> (reference-spec §3.3). Encoder: zero-pad the width to
/// <c>paddedWidth</c> → per layer [ConstantPad((k−1)/2) zeros → Conv1d(k) → BatchNorm1d(affine=false) except the last
/// layer, if enabled → Avg/MaxPool1d(2, 2) → CELU] → flatten → Linear(→ d_z) → CELU. Decoder: Linear(d_z → flat) → CELU
/// → reshape → per layer [Upsample ×2 linear (align_corners=false) → Conv1d(k, pad (k−1)/2) or ConvTranspose1d(k,
/// stride 1, pad (k−1)/2) → CELU, tanhplus after the last] with the channels reversed → crop the input padding.
/// With <see cref="ConvPadding.Circular"/> every padding above wraps the grid instead (the decoder's convolutions pad
/// circularly too), which keeps a periodic field periodic; the parameters are the same.
/// Options replace the defaults above without renaming anything: one kernel per layer (the decoder's layer i uses the
/// kernel of the encoder layer it mirrors), another activation in place of every CELU.
/// Parameters: <c>encoder_layers.{i}.conv</c>, <c>encoder_linear</c>, <c>decoder_linear</c>, <c>decoder_layers.{i}.conv</c>.
/// </summary>
internal sealed class ConvNetwork1D : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _encoderLayers;
    private readonly Linear _encoderLinear;
    private readonly Linear _decoderLinear;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _decoderLayers;
    private readonly nn.Module<Tensor, Tensor> _decoderActivation;
    private readonly long _padLeft;
    private readonly long _padRight;
    private readonly long _width;
    private readonly long _lastChannels;
    private readonly long _bottleneckWidth;
    private readonly bool _circular;
    private readonly nn.Module<Tensor, Tensor> _activation;

    /// <param name="inputChannels">Channels C_in of the observable.</param>
    /// <param name="width">Grid points X of the observable.</param>
    /// <param name="padLeft">Zeros added on the left to reach the padded width.</param>
    /// <param name="padRight">Zeros added on the right to reach the padded width.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public ConvNetwork1D(int inputChannels, int width, int padLeft, int padRight, ConvAutoencoder1DOptions options,
        Device device, ScalarType dtype) : base(nameof(ConvAutoencoder1D))
    {
        int layers = options.Channels.Count;
        _padLeft = padLeft;
        _padRight = padRight;
        _circular = options.Padding == ConvPadding.Circular;
        _width = width;
        _lastChannels = options.Channels[^1];
        _bottleneckWidth = (width + padLeft + padRight) >> layers;
        long flat = _lastChannels * _bottleneckWidth;

        _encoderLayers = new ModuleList<nn.Module<Tensor, Tensor>>();
        int inChannels = inputChannels;
        for (int i = 0; i < layers; i++)
        {
            int outChannels = options.Channels[i];
            int kernel = options.KernelOf(i), halfKernel = (kernel - 1) / 2;
            var layer = new List<(string, nn.Module<Tensor, Tensor>)>
            {
                ("pad", _circular ? new CircularPad1d(halfKernel, halfKernel) : nn.ConstantPad1d((halfKernel, halfKernel), 0.0)),
                ("conv", nn.Conv1d(inChannels, outChannels, kernel, device: device, dtype: dtype)),
            };
            if (options.BatchNorm && i < layers - 1)
                layer.Add(("norm", nn.BatchNorm1d(outChannels, affine: false, device: device, dtype: dtype)));
            layer.Add(("pool", options.UsesMaxPooling ? nn.MaxPool1d(2, stride: 2) : nn.AvgPool1d(2, stride: 2)));
            layer.Add(("activation", ActivationLayer.Create(options.Activation)));
            _encoderLayers.Add(nn.Sequential(layer.ToArray()));
            inChannels = outChannels;
        }

        _activation = ActivationLayer.Create(options.Activation);
        _decoderActivation = ActivationLayer.Create(options.Activation);
        _encoderLinear = nn.Linear(flat, options.LatentDim, device: device, dtype: dtype);
        _decoderLinear = nn.Linear(options.LatentDim, flat, device: device, dtype: dtype);

        _decoderLayers = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i < layers; i++)
        {
            int input = options.Channels[layers - 1 - i];
            int output = i == layers - 1 ? inputChannels : options.Channels[layers - 2 - i];
            int kernel = options.KernelOf(layers - 1 - i), halfKernel = (kernel - 1) / 2;
            nn.Module<Tensor, Tensor> conv = options.Transpose
                ? nn.ConvTranspose1d(input, output, kernel, stride: 1, padding: halfKernel, device: device, dtype: dtype)
                : nn.Conv1d(input, output, kernel, padding: halfKernel, padding_mode: _circular ? PaddingModes.Circular : PaddingModes.Zeros,
                    device: device, dtype: dtype);
            _decoderLayers.Add(nn.Sequential(
                ("upsample", nn.Upsample(scale_factor: [2.0], mode: UpsampleMode.Linear, align_corners: false)),
                ("conv", conv),
                ("activation", i == layers - 1 ? new TanhPlus() : ActivationLayer.Create(options.Activation))));
        }

        register_module("encoder_layers", _encoderLayers);
        register_module("encoder_linear", _encoderLinear);
        register_module("decoder_linear", _decoderLinear);
        register_module("decoder_layers", _decoderLayers);
        ReferenceInitialisation.Apply(this);
    }

    /// <summary>
    /// The submodules are registered by name in the constructor (the names the saved and imported models use); a parent
    /// module registering this one (end-to-end training) must not register the private fields a second time.
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>[B, C_in, X] → [B, d_z].</summary>
    public Tensor Encode(Tensor states)
    {
        using var scope = NewDisposeScope();
        Tensor h = _padLeft + _padRight == 0 ? states
            : nn.functional.pad(states, (_padLeft, _padRight), _circular ? PaddingModes.Circular : PaddingModes.Zeros);
        foreach (var layer in _encoderLayers)
            h = layer.call(h);
        var latent = _activation.call(_encoderLinear.call(h.flatten(1)));
        return latent.MoveToOuterDisposeScope();
    }

    /// <summary>[B, d_z] → [B, C_in, X], values in (0, 1).</summary>
    public Tensor Decode(Tensor latents)
    {
        using var scope = NewDisposeScope();
        var h = _decoderActivation.call(_decoderLinear.call(latents)).reshape(latents.shape[0], _lastChannels, _bottleneckWidth);
        foreach (var layer in _decoderLayers)
            h = layer.call(h);
        if (_padLeft + _padRight > 0)
            h = h.narrow(2, _padLeft, _width);
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>The decoder's modules in the order <see cref="Decode"/> applies them (for compiling it).</summary>
    public ConvDecoderLayout DecoderLayout => new([_decoderLinear, _decoderActivation], (int)_lastChannels, (int)_bottleneckWidth,
        _decoderLayers.SelectMany(DecoderModules.Flatten).ToList(), (int)_padLeft, (int)_width);

    /// <summary>The reconstruction D(E(x)).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Decode(Encode(input)).MoveToOuterDisposeScope();
    }
}
