using TorchSharp;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>
/// What the decoder of <see cref="ConvNetwork2D"/> computes, in order: the <paramref name="Head"/> modules on the latent
/// vector, a reshape to <c>[<paramref name="Channels"/>, <paramref name="Height"/>, <paramref name="Width"/>]</c>, the
/// <paramref name="Body"/> modules (the decoder layers' modules, flattened), a crop to <paramref name="CropHeight"/> ×
/// <paramref name="CropWidth"/> from row <paramref name="CropTop"/> and column <paramref name="CropLeft"/>, a bicubic resize
/// to the grid when <paramref name="Resize"/>, and the <paramref name="Tail"/> modules (the output map).
/// </summary>
internal sealed record Conv2dDecoderLayout(IReadOnlyList<torch.nn.Module> Head, int Channels, int Height, int Width, IReadOnlyList<torch.nn.Module> Body,
    int CropTop, int CropHeight, int CropLeft, int CropWidth, bool Resize, IReadOnlyList<torch.nn.Module> Tail);
