using Led.Toolkit.Learning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>
/// The module tree of <see cref="ConvAutoencoder2D"/> (reference-spec §6). Encoder: bicubic resize by 1/s (if s &gt; 1)
/// → zero-pad both sizes to multiples of 2^L → per layer [ZeroPad2d((k−1)/2) → Conv2d(k) → BatchNorm2d(affine=false)
/// except the last layer, if enabled → Avg/MaxPool2d(2, 2) → CELU] → flatten → Linear(→ d_z) → CELU. Decoder:
/// Linear(d_z → flat) → CELU → reshape → per layer [ConvTranspose2d(k, stride 2, pad (k−1)/2, output pad 1), or
/// bilinear ×2 upsampling (align_corners=false) → Conv2d(k, pad (k−1)/2); → BatchNorm2d(affine=false) except the last
/// layer, if enabled → CELU except the last layer] with the channels reversed → crop the padding → bicubic resize to
/// [Ny, Nx] (if s &gt; 1) → tanhplus. Parameters: <c>encoder_layers.{i}.conv</c>, <c>encoder_linear</c>,
/// <c>decoder_linear</c>, <c>decoder_layers.{i}.conv</c>; running statistics in <c>…layers.{i}.norm</c>.
/// <para>
/// Options replace the defaults above without renaming any parameter: one kernel per layer (decoder layer i uses the
/// kernel of the encoder layer it mirrors), another activation in place of every CELU, and circular padding along y,
/// x or both — the grid padding and every convolution's padding then wrap along that axis (an extra parameterless
/// <c>pad</c> step before each decoder convolution), which keeps a periodic direction periodic.
/// </para>
/// <para>
/// Differences from the reference: its last decoder layer is followed by CELU before the resize and tanhplus, which
/// would keep outputs above tanhplus(−1) ≈ 0.12; here the last layer is linear so the (0, 1) range is reachable. Its
/// decoder batch norms use batch statistics even in evaluation; here they keep running statistics like the encoder's,
/// so a decoded state does not depend on the other states in the batch.
/// </para>
/// </summary>
internal sealed class ConvNetwork2D : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _encoderLayers;
    private readonly Linear _encoderLinear;
    private readonly Linear _decoderLinear;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _decoderLayers;
    private readonly TanhPlus _output;
    private readonly long[] _size;
    private readonly long[] _resized;
    private readonly bool _resize;
    private readonly (long Left, long Right, long Top, long Bottom) _padding;
    private readonly long _lastChannels;
    private readonly long _bottleneckHeight;
    private readonly long _bottleneckWidth;
    private readonly AxisPad2d _gridPadding;
    private readonly nn.Module<Tensor, Tensor> _activation;

    /// <param name="geometry">The autoencoder whose sizes (grid, resize, padding, bottleneck) the network follows.</param>
    /// <param name="options">Validated options.</param>
    /// <param name="device">Where the parameters live.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public ConvNetwork2D(ConvAutoencoder2D geometry, ConvAutoencoder2DOptions options, Device device, ScalarType dtype)
        : base(nameof(ConvAutoencoder2D))
    {
        int layers = options.Channels.Count;
        bool circularY = options.CircularY, circularX = options.CircularX, circular = circularY || circularX;
        int inputChannels = geometry.InputChannels;
        _size = [geometry.Height, geometry.Width];
        _resized = [geometry.ResizedHeight, geometry.ResizedWidth];
        _resize = geometry.InputSubsampling > 1;
        _padding = (geometry.PaddingLeft, geometry.PaddingRight, geometry.PaddingTop, geometry.PaddingBottom);
        _lastChannels = options.Channels[^1];
        _bottleneckHeight = geometry.BottleneckHeight;
        _bottleneckWidth = geometry.BottleneckWidth;
        long flat = _lastChannels * _bottleneckHeight * _bottleneckWidth;

        _encoderLayers = new ModuleList<nn.Module<Tensor, Tensor>>();
        int inChannels = inputChannels;
        for (int i = 0; i < layers; i++)
        {
            int outChannels = options.Channels[i];
            int kernel = options.KernelOf(i), halfKernel = (kernel - 1) / 2;
            var layer = new List<(string, nn.Module<Tensor, Tensor>)>
            {
                ("pad", circular ? new AxisPad2d(halfKernel, circularY, circularX) : nn.ZeroPad2d(halfKernel)),
                ("conv", nn.Conv2d(inChannels, outChannels, kernel, device: device, dtype: dtype)),
            };
            if (options.BatchNorm && i < layers - 1)
                layer.Add(("norm", nn.BatchNorm2d(outChannels, affine: false, device: device, dtype: dtype)));
            layer.Add(("pool", options.UsesMaxPooling ? nn.MaxPool2d(2, stride: 2) : nn.AvgPool2d(2, stride: 2)));
            layer.Add(("activation", ActivationLayer.Create(options.Activation)));
            _encoderLayers.Add(nn.Sequential(layer.ToArray()));
            inChannels = outChannels;
        }

        _gridPadding = new AxisPad2d(geometry.PaddingLeft, geometry.PaddingRight, geometry.PaddingTop, geometry.PaddingBottom, circularY, circularX);
        _activation = ActivationLayer.Create(options.Activation);
        _encoderLinear = nn.Linear(flat, options.LatentDim, device: device, dtype: dtype);
        _decoderLinear = nn.Linear(options.LatentDim, flat, device: device, dtype: dtype);

        _decoderLayers = new ModuleList<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i < layers; i++)
        {
            bool last = i == layers - 1;
            int input = options.Channels[layers - 1 - i];
            int output = last ? inputChannels : options.Channels[layers - 2 - i];
            int kernel = options.KernelOf(layers - 1 - i), halfKernel = (kernel - 1) / 2;
            var layer = new List<(string, nn.Module<Tensor, Tensor>)>();
            if (options.Transpose)
            {
                layer.Add(("conv", nn.ConvTranspose2d(input, output, kernel, stride: 2, padding: halfKernel, output_padding: 1,
                    device: device, dtype: dtype)));
            }
            else
            {
                layer.Add(("upsample", nn.Upsample(scale_factor: [2.0, 2.0], mode: UpsampleMode.Bilinear, align_corners: false)));
                if (circular)
                    layer.Add(("pad", new AxisPad2d(halfKernel, circularY, circularX)));
                layer.Add(("conv", nn.Conv2d(input, output, kernel, padding: circular ? 0 : halfKernel, device: device, dtype: dtype)));
            }
            if (options.BatchNorm && !last)
                layer.Add(("norm", nn.BatchNorm2d(output, affine: false, device: device, dtype: dtype)));
            if (!last)
                layer.Add(("activation", ActivationLayer.Create(options.Activation)));
            _decoderLayers.Add(nn.Sequential(layer.ToArray()));
        }
        _output = new TanhPlus();

        register_module("encoder_layers", _encoderLayers);
        register_module("encoder_linear", _encoderLinear);
        register_module("decoder_linear", _decoderLinear);
        register_module("decoder_layers", _decoderLayers);
        ReferenceInitialisation.Apply(this);
    }

    /// <summary>
    /// The submodules are registered by name in the constructor; a parent module registering this one (end-to-end
    /// training) must not register the private fields a second time.
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>[B, C_in, Ny, Nx] → [B, d_z].</summary>
    public Tensor Encode(Tensor states)
    {
        using var scope = NewDisposeScope();
        Tensor h = _resize
            ? nn.functional.interpolate(states, size: _resized, mode: InterpolationMode.Bicubic, align_corners: false)
            : states;
        var (left, right, top, bottom) = _padding;
        if (left + right + top + bottom > 0)
            h = _gridPadding.call(h);
        foreach (var layer in _encoderLayers)
            h = layer.call(h);
        var latent = _activation.call(_encoderLinear.call(h.flatten(1)));
        return latent.MoveToOuterDisposeScope();
    }

    /// <summary>[B, d_z] → [B, C_in, Ny, Nx], values in (0, 1).</summary>
    public Tensor Decode(Tensor latents)
    {
        using var scope = NewDisposeScope();
        var h = _activation.call(_decoderLinear.call(latents))
            .reshape(latents.shape[0], _lastChannels, _bottleneckHeight, _bottleneckWidth);
        foreach (var layer in _decoderLayers)
            h = layer.call(h);
        var (left, right, top, bottom) = _padding;
        if (left + right + top + bottom > 0)
            h = h.narrow(2, top, _resized[0]).narrow(3, left, _resized[1]);
        if (_resize)
            h = nn.functional.interpolate(h, size: _size, mode: InterpolationMode.Bicubic, align_corners: false);
        return _output.call(h).MoveToOuterDisposeScope();
    }

    /// <summary>The decoder's modules in the order <see cref="Decode"/> applies them (for compiling it).</summary>
    public Conv2dDecoderLayout DecoderLayout => new([_decoderLinear, _activation], (int)_lastChannels, (int)_bottleneckHeight, (int)_bottleneckWidth,
        _decoderLayers.SelectMany(DecoderModules.Flatten).ToList(), (int)_padding.Top, (int)_resized[0], (int)_padding.Left, (int)_resized[1], _resize, [_output]);

    /// <summary>The reconstruction D(E(x)).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Decode(Encode(input)).MoveToOuterDisposeScope();
    }
}
