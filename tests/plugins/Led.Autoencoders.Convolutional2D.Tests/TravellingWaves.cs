using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional2D.Tests;

/// <summary>
/// Smooth 2-D test fields on a two-parameter manifold, like periodic vortex shedding: channel c of sample n is
/// a_n·cos(2π(2x/W + y/H) − θ_n + cπ/4) + 0.3·cos(2π(x/W − 2y/H) + 2θ_n) with the phase θ ~ U(0, 2π) and the amplitude
/// a ~ U(0.5, 1.5), then min–max scaled over the whole set to [0, 1] like the reference's MinMaxZeroOne scaler.
/// </summary>
internal static class TravellingWaves
{
    /// <summary>A <c>[count, channels, height, width]</c> tensor drawn with a fixed <see cref="Random"/> seed.</summary>
    public static Tensor Create(int count, int channels, int height, int width, int seed, ScalarType dtype = ScalarType.Float64)
    {
        var random = new Random(seed);
        var values = new double[count * channels * height * width];
        int k = 0;
        for (int n = 0; n < count; n++)
        {
            double theta = 2 * Math.PI * random.NextDouble(), amplitude = 0.5 + random.NextDouble();
            for (int c = 0; c < channels; c++)
                for (int y = 0; y < height; y++)
                    for (int x = 0; x < width; x++)
                        values[k++] = amplitude * Math.Cos(2 * Math.PI * (2.0 * x / width + (double)y / height) - theta + c * Math.PI / 4) +
                                      0.3 * Math.Cos(2 * Math.PI * ((double)x / width - 2.0 * y / height) + 2 * theta);
        }
        double min = values.Min(), max = values.Max();
        for (int i = 0; i < values.Length; i++)
            values[i] = (values[i] - min) / (max - min);
        return tensor(values, [count, channels, height, width], dtype: dtype);
    }
}
