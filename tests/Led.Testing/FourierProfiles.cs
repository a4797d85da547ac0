using static TorchSharp.torch;

namespace Led.Testing;

/// <summary>
/// Smooth periodic test data: each profile is Σ_{k=1..3} a_k·cos(2πk·x/X + φ_k) with a_k ~ U(0.5, 1.5)/k and
/// φ_k ~ U(0, 2π), then min–max scaled over the whole set to [0, 1] like the reference's MinMaxZeroOne scaler.
/// </summary>
public static class FourierProfiles
{
    /// <summary>A <c>[count, 1, points]</c> tensor of profiles drawn with a fixed <see cref="Random"/> seed.</summary>
    public static Tensor Create(int count, int points, int seed, ScalarType dtype = ScalarType.Float64)
    {
        var random = new Random(seed);
        var values = new double[count * points];
        for (int n = 0; n < count; n++)
        {
            var amplitude = new double[3];
            var phase = new double[3];
            for (int k = 0; k < 3; k++)
            {
                amplitude[k] = (0.5 + random.NextDouble()) / (k + 1);
                phase[k] = 2 * Math.PI * random.NextDouble();
            }
            for (int i = 0; i < points; i++)
            {
                double u = 0;
                for (int k = 0; k < 3; k++)
                    u += amplitude[k] * Math.Cos(2 * Math.PI * (k + 1) * i / points + phase[k]);
                values[n * points + i] = u;
            }
        }
        double min = values.Min(), max = values.Max();
        for (int i = 0; i < values.Length; i++)
            values[i] = (values[i] - min) / (max - min);
        return tensor(values, [count, 1, points], dtype: dtype);
    }
}
