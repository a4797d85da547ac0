using System.Globalization;
using System.Text;

namespace Led.Core.Reports;

/// <summary>
/// Ticks of a log10 axis (plotted at log10 of the value) labelled with the values themselves: 0.1, 1, 10, 100 or 10⁻³,
/// 10⁻², never the exponents −3, −2. Decades when the axis spans enough of them, else 1-2-5 or every mantissa.
/// </summary>
public static class LogTicks
{
    private static readonly int[][] Mantissas = [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]];

    /// <summary>Labelled ticks within [<paramref name="low"/>, <paramref name="high"/>] (log10 coordinates), at least two.</summary>
    public static IReadOnlyList<(double Position, string Label)> Major(double low, double high)
    {
        if (!(high > low)) throw new ArgumentException($"an axis from {low} to {high} is empty");
        foreach (var mantissas in Mantissas)
        {
            var ticks = Positions(low, high, mantissas).ToList();
            if (ticks.Count >= 3 || (ticks.Count >= 2 && mantissas.Length == 9))
            {
                // At most about eight labels: every n-th decade on a long axis.
                int step = mantissas.Length == 1 ? Math.Max(1, (int)Math.Ceiling(ticks.Count / 8.0)) : 1;
                return ticks.Where(t => step == 1 || Math.Round(t) % step == 0).Select(t => (t, Label(Math.Pow(10, t)))).ToList();
            }
        }
        // Less than a tenth of a decade: three ticks, the values written out.
        return new[] { low, (low + high) / 2, high }.Select(t => (t, Math.Pow(10, t).ToString("G3", CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>Unlabelled ticks at every mantissa 1…9 of each decade within the axis.</summary>
    public static IReadOnlyList<double> Minor(double low, double high) => Positions(low, high, Mantissas[2]).ToList();

    /// <summary>A value as a label: plain between 0.1 and 9999, else a power of ten (<c>10⁻³</c>, <c>2×10⁴</c>).</summary>
    public static string Label(double value)
    {
        int k = (int)Math.Floor(Math.Log10(value) + 1e-9);
        double mantissa = Math.Round(value / Math.Pow(10, k), 2);
        if (k is >= -1 and <= 3) return (mantissa * Math.Pow(10, k)).ToString("G4", CultureInfo.InvariantCulture);
        string power = "10" + Superscript(k);
        return mantissa == 1 ? power : $"{mantissa.ToString("G3", CultureInfo.InvariantCulture)}×{power}";
    }

    private static IEnumerable<double> Positions(double low, double high, int[] mantissas)
    {
        for (int k = (int)Math.Floor(low); k <= (int)Math.Ceiling(high); k++)
            foreach (int m in mantissas)
            {
                double position = k + Math.Log10(m);
                if (position >= low - 1e-9 && position <= high + 1e-9) yield return position;
            }
    }

    private static string Superscript(int exponent)
    {
        var text = new StringBuilder();
        foreach (char c in exponent.ToString(CultureInfo.InvariantCulture))
            text.Append(c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹"[c - '0']);
        return text.ToString();
    }
}
