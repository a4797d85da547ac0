using Led.Abstractions.Learning;
using Xunit;
using static TorchSharp.torch;

namespace Led.Testing;

/// <summary>How closely an autoencoder's compiled decoder (<see cref="IFastDecoderSource"/>) follows its tensor decoder.</summary>
public static class CompiledDecoderAssert
{
    /// <summary>
    /// The largest difference, over every value of three states decoded from latents drawn from N(0, 1), between the
    /// compiled decoder and <see cref="IAutoencoder.Decode"/> (batch 1, in <paramref name="dtype"/>). Fails the test when the
    /// autoencoder offers no compiled decoder.
    /// </summary>
    public static double LargestDeviation<T>(T autoencoder, ScalarType dtype) where T : IAutoencoder, IFastDecoderSource
    {
        var decoder = autoencoder.CompileDecoder();
        Assert.NotNull(decoder);
        double worst = 0;
        for (int trial = 0; trial < 3; trial++)
        {
            using var scope = NewDisposeScope();
            var z = randn(1, autoencoder.LatentDim, dtype: dtype);
            var expected = Doubles(autoencoder.Decode(z));
            var state = new double[expected.Length];
            decoder.Decode(Doubles(z), state);
            for (int i = 0; i < state.Length; i++) worst = Math.Max(worst, Math.Abs(expected[i] - state[i]));
        }
        return worst;
    }

    private static double[] Doubles(Tensor t) => t.detach().to(ScalarType.Float64).contiguous().data<double>().ToArray();
}
