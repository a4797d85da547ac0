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
        if (Problem(encoder.GetType(), encoder.LatentDim, decoder.GetType(), decoder.LatentDim) is { } problem) throw new ArgumentException(problem);
        (Encoder, Decoder) = (encoder, decoder);
        _module = new PairModule(((ITrainable)encoder).Module, ((ITrainable)decoder).Module);
    }

    /// <summary>Why an encoder and a decoder of these types and latent dimensions cannot be paired, or null when they can.</summary>
    public static string? Problem(Type encoder, int encoderLatentDim, Type decoder, int decoderLatentDim)
    {
        if (encoderLatentDim != decoderLatentDim)
            return $"the encoder gives d_z = {encoderLatentDim} but the decoder takes d_z = {decoderLatentDim}: give both the same latent dimension";
        bool encoderTrainable = typeof(ITrainable).IsAssignableFrom(encoder);
        if (!encoderTrainable || !typeof(ITrainable).IsAssignableFrom(decoder))
            return "an encoder and a decoder from separate components are trained together by gradient: " +
                   $"{(encoderTrainable ? decoder.Name : encoder.Name)} is not trainable (use an autoencoder component that fills both slots)";
        return null;
    }

    /// <summary>The type <see cref="Create"/> returns for a decoder of type <paramref name="decoder"/>.</summary>
    public static Type TypeFor(Type decoder) =>
        typeof(IProbabilisticDecoder).IsAssignableFrom(decoder) ? typeof(ProbabilisticEncoderDecoderPair) : typeof(EncoderDecoderPair);

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
