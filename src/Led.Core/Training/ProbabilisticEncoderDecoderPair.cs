using Led.Abstractions.Learning;
using TorchSharp;

namespace Led.Core.Training;

/// <summary>An <see cref="EncoderDecoderPair"/> whose decoder returns a distribution.</summary>
public sealed class ProbabilisticEncoderDecoderPair : EncoderDecoderPair, IProbabilisticDecoder
{
    internal ProbabilisticEncoderDecoderPair(IEncoder encoder, IDecoder decoder) : base(encoder, decoder)
    {
    }

    private IProbabilisticDecoder Distribution => (IProbabilisticDecoder)Decoder;

    public torch.Tensor Sample(torch.Tensor latents, torch.Generator generator) => Distribution.Sample(latents, generator);

    public torch.Tensor LogLikelihood(torch.Tensor latents, torch.Tensor states) => Distribution.LogLikelihood(latents, states);
}
