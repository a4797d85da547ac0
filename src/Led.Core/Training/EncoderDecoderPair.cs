using Led.Abstractions.Learning;
using TorchSharp;

namespace Led.Core.Training;

/// <summary>
/// An encoder and a decoder from separate components (the config's <c>encoder</c> and <c>decoder</c> slots) as one
/// autoencoder: trained, saved and loaded as one module holding both. A probabilistic decoder keeps its capability
/// (<see cref="Create"/> returns a <see cref="ProbabilisticEncoderDecoderPair"/>).
/// </summary>
public class EncoderDecoderPair : IAutoencoder, ITrainable, IDisposable
{
    private readonly PairModule _module;

    protected EncoderDecoderPair(IEncoder encoder, IDecoder decoder)
    {
        if (encoder.LatentDim != decoder.LatentDim)
            throw new ArgumentException($"the encoder gives d_z = {encoder.LatentDim} but the decoder takes d_z = {decoder.LatentDim}: give both the same latent dimension");
        if (encoder is not ITrainable e || decoder is not ITrainable d)
            throw new ArgumentException($"an encoder and a decoder from separate components are trained together by gradient: " +
                                        $"{(encoder is ITrainable ? decoder.GetType().Name : encoder.GetType().Name)} is not trainable (use an autoencoder component that fills both slots)");
        (Encoder, Decoder) = (encoder, decoder);
        _module = new PairModule(e.Module, d.Module);
    }

    public IEncoder Encoder { get; }

    public IDecoder Decoder { get; }

    public int LatentDim => Encoder.LatentDim;

    public torch.nn.Module Module => _module;

    /// <summary>The pair of <paramref name="encoder"/> and <paramref name="decoder"/>, probabilistic when the decoder is.</summary>
    public static EncoderDecoderPair Create(IEncoder encoder, IDecoder decoder) =>
        decoder is IProbabilisticDecoder ? new ProbabilisticEncoderDecoderPair(encoder, decoder) : new EncoderDecoderPair(encoder, decoder);

    public torch.Tensor Encode(torch.Tensor states) => Encoder.Encode(states);

    public torch.Tensor Decode(torch.Tensor latents) => Decoder.Decode(latents);

    public void Dispose()
    {
        (Encoder as IDisposable)?.Dispose();
        (Decoder as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class PairModule : torch.nn.Module
    {
        public PairModule(torch.nn.Module encoder, torch.nn.Module decoder) : base("EncoderDecoder")
        {
            register_module("encoder", encoder);
            register_module("decoder", decoder);
        }
    }
}
