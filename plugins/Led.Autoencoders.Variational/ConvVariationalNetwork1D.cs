using Led.Toolkit.Learning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Autoencoders.Variational;

/// <summary>
/// The <c>conv1d</c> backbone for states [B, C, X]. Encoder: zero-pad X on the right to X' (the next multiple of
/// 2^L) → per layer <c>encoder_layers.{i}</c> = [conv: Conv1d(k, zero padding (k−1)/2), activation, AvgPool1d(2, 2)] →
/// flatten → heads <c>mean</c>, <c>log_var</c> = Linear(c_L·X'/2^L → d_z). Decoder: <c>decoder_linear</c> =
/// Linear(d_z → c_L·X'/2^L) → activation → reshape → per layer <c>decoder_layers.{i}</c> = [nearest upsampling ×2,
/// conv: Conv1d(k, padding (k−1)/2), activation, or tanhplus after the last] with the channels reversed (the last layer
/// maps to C) → the first X points. Xavier-uniform weights, biases 0.001.
/// </summary>
internal sealed class ConvVariationalNetwork1D : VariationalNetwork
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _encoderLayers = new();
    private readonly Linear _decoderLinear;
    private readonly nn.Module<Tensor, Tensor> _decoderActivation;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> _decoderLayers = new();
    private readonly long _width;
    private readonly long _padRight;
    private readonly long _lastChannels;
    private readonly long _bottleneckWidth;

    public ConvVariationalNetwork1D(int inputChannels, int width, VariationalAutoencoderOptions options, Device device, ScalarType dtype)
        : base(nameof(VariationalAutoencoder))
    {
        int layers = options.Channels.Count, kernel = options.Kernel, halfKernel = (kernel - 1) / 2;
        int padded = options.PaddedWidthOf(width);
        _width = width;
        _padRight = padded - width;
        _lastChannels = options.Channels[^1];
        _bottleneckWidth = padded >> layers;
        long flat = _lastChannels * _bottleneckWidth;
        int inChannels = inputChannels;
        foreach (int outChannels in options.Channels)
        {
            _encoderLayers.Add(nn.Sequential(
                ("conv", nn.Conv1d(inChannels, outChannels, kernel, padding: halfKernel, device: device, dtype: dtype)),
                ("activation", ActivationLayer.Create(options.Activation)),
                ("pool", nn.AvgPool1d(2, 2))));
            inChannels = outChannels;
        }
        _decoderLinear = nn.Linear(options.LatentDim, flat, device: device, dtype: dtype);
        _decoderActivation = ActivationLayer.Create(options.Activation);
        for (int i = layers - 1; i >= 0; i--)
        {
            int outChannels = i == 0 ? inputChannels : options.Channels[i - 1];
            _decoderLayers.Add(nn.Sequential(
                ("upsample", nn.Upsample(scale_factor: [2.0], mode: UpsampleMode.Nearest)),
                ("conv", nn.Conv1d(options.Channels[i], outChannels, kernel, padding: halfKernel, device: device, dtype: dtype)),
                ("activation", i == 0 ? new TanhPlus() : ActivationLayer.Create(options.Activation))));
        }
        register_module("encoder_layers", _encoderLayers);
        RegisterHeads(flat, options.LatentDim, device, dtype);
        register_module("decoder_linear", _decoderLinear);
        register_module("decoder_activation", _decoderActivation);
        register_module("decoder_layers", _decoderLayers);
        ReferenceInitialisation.Apply(this);
    }

    public override (Tensor Mean, Tensor LogVariance) Encode(Tensor states)
    {
        using var scope = NewDisposeScope();
        var hidden = _padRight > 0 ? nn.functional.pad(states, [0, _padRight]) : states;
        foreach (var layer in _encoderLayers) hidden = layer.call(hidden);
        return Heads(hidden.flatten(1));
    }

    public override Tensor Decode(Tensor latents)
    {
        using var scope = NewDisposeScope();
        var hidden = _decoderActivation.call(_decoderLinear.call(latents)).reshape(latents.shape[0], _lastChannels, _bottleneckWidth);
        foreach (var layer in _decoderLayers) hidden = layer.call(hidden);
        return hidden.slice(2, 0, _width, 1).MoveToOuterDisposeScope();
    }
}
