using Led.Toolkit.Learning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Autoencoders.Variational;

/// <summary>
/// The <c>mlp</c> backbone: <c>encoder</c> = 0 flatten, then per hidden layer Linear(→ w) and the activation;
/// heads <c>mean</c> and <c>log_var</c> = Linear(w → d_z) each; <c>decoder</c> = per hidden layer Linear(→ w) and the
/// activation, then Linear(w → C·∏grid) and tanhplus, reshaped to the state. Xavier-uniform weights, biases 0.001.
/// </summary>
internal sealed class MlpVariationalNetwork : VariationalNetwork
{
    private readonly Sequential _encoder;
    private readonly Sequential _decoder;
    private readonly long[] _stateShape;

    public MlpVariationalNetwork(IReadOnlyList<int> stateShape, VariationalAutoencoderOptions options, Device device, ScalarType dtype)
        : base(nameof(VariationalAutoencoder))
    {
        _stateShape = stateShape.Select(s => (long)s).ToArray();
        long size = _stateShape.Aggregate(1L, (a, b) => a * b);
        long width = options.Width;
        var encoder = new List<(string, nn.Module<Tensor, Tensor>)> { ("0", nn.Flatten(1)) };
        var decoder = new List<(string, nn.Module<Tensor, Tensor>)>();
        long encoderIn = size, decoderIn = options.LatentDim;
        for (int i = 0; i < options.Layers; i++)
        {
            encoder.Add(($"{encoder.Count}", nn.Linear(encoderIn, width, device: device, dtype: dtype)));
            encoder.Add(($"{encoder.Count}", ActivationLayer.Create(options.Activation)));
            decoder.Add(($"{decoder.Count}", nn.Linear(decoderIn, width, device: device, dtype: dtype)));
            decoder.Add(($"{decoder.Count}", ActivationLayer.Create(options.Activation)));
            encoderIn = decoderIn = width;
        }
        decoder.Add(($"{decoder.Count}", nn.Linear(width, size, device: device, dtype: dtype)));
        decoder.Add(($"{decoder.Count}", new TanhPlus()));
        _encoder = nn.Sequential(encoder);
        _decoder = nn.Sequential(decoder);
        register_module("encoder", _encoder);
        RegisterHeads(width, options.LatentDim, device, dtype);
        register_module("decoder", _decoder);
        ReferenceInitialisation.Apply(this);
    }

    public override (Tensor Mean, Tensor LogVariance) Encode(Tensor states)
    {
        using var scope = NewDisposeScope();
        return Heads(_encoder.call(states));
    }

    public override Tensor Decode(Tensor latents)
    {
        using var scope = NewDisposeScope();
        return _decoder.call(latents).reshape([latents.shape[0], .. _stateShape]).MoveToOuterDisposeScope();
    }
}
