using Led.Abstractions.Learning;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Testing;

/// <summary>Checks shared by the autoencoder plugins' tests.</summary>
public static class AutoencoderAssert
{
    /// <summary>
    /// The reference's initialisation: every bias 0.001 and every weight Xavier-uniform — within the Xavier bound, reaching
    /// near it (PyTorch's default bound 1/√fan_in is far lower for these shapes) and, for large tensors, with its standard
    /// deviation bound/√3 within 7 %. Returns the number of bias and weight tensors checked.
    /// </summary>
    public static (int Biases, int Weights) ReferenceInitialisation(nn.Module module)
    {
        int biases = 0, weights = 0;
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                biases++;
                Assert.True(parameter.eq(0.001).all().item<bool>(), $"{name} is not 0.001 everywhere");
                continue;
            }
            weights++;
            Assert.True(parameter.dim() >= 2, name);
            long receptive = parameter.shape.Skip(2).Aggregate(1L, (a, b) => a * b);
            double bound = Math.Sqrt(6.0 / ((parameter.shape[1] + parameter.shape[0]) * receptive));
            double maxAbs = parameter.abs().max().item<double>();
            Assert.True(maxAbs <= bound, $"{name}: max |w| {maxAbs} exceeds the Xavier bound {bound}");
            Assert.True(maxAbs > 0.9 * bound, $"{name}: max |w| {maxAbs} is far below the Xavier bound {bound}");
            if (parameter.numel() >= 1000)
                Assert.InRange(parameter.std().item<double>(), 0.93 * bound / Math.Sqrt(3), 1.07 * bound / Math.Sqrt(3));
        }
        return (biases, weights);
    }

    /// <summary>Decoded states lie strictly inside (0, 1) (tanhplus), for reconstructions and for large random latents.</summary>
    public static void DecodesInsideUnitInterval(IAutoencoder autoencoder, Tensor states)
    {
        using var scope = NewDisposeScope();
        var reconstructed = autoencoder.Decode(autoencoder.Encode(states));
        var fromRandomLatents = autoencoder.Decode(randn(states.shape[0], autoencoder.LatentDim, dtype: states.dtype).mul(3));
        foreach (var decoded in new[] { reconstructed, fromRandomLatents })
        {
            Assert.True(decoded.min().item<double>() > 0.0);
            Assert.True(decoded.max().item<double>() < 1.0);
        }
    }
}
