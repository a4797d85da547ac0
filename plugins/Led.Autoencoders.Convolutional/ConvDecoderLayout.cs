using TorchSharp;

namespace Led.Autoencoders.Convolutional;

/// <summary>
/// What the decoder of <see cref="ConvNetwork1D"/> computes, in order: the <paramref name="Head"/> modules on the latent
/// vector, a reshape to <c>[<paramref name="Channels"/>, <paramref name="Width"/>]</c>, the <paramref name="Body"/>
/// modules (the decoder layers' modules, flattened), and a crop to <paramref name="CropWidth"/> points from
/// <paramref name="CropStart"/>.
/// </summary>
internal sealed record ConvDecoderLayout(IReadOnlyList<torch.nn.Module> Head, int Channels, int Width, IReadOnlyList<torch.nn.Module> Body,
    int CropStart, int CropWidth);
