using System.Globalization;
using System.Text;

namespace Led.Propagators.Sindy;

/// <summary>
/// The monomials of d variables up to a total degree, in pysindy's <c>PolynomialLibrary</c> order: the constant (with
/// bias), then degree 1, 2, … with the variable indices of each degree in non-decreasing lexicographic order
/// (x0, x1, x0², x0 x1, x1², …). Variables are named x0, x1, ….
/// </summary>
internal sealed class PolynomialLibrary
{
    private readonly int[][] _factors;

    public PolynomialLibrary(int variables, int degree, bool bias)
    {
        (Variables, Degree, Bias) = (variables, degree, bias);
        var terms = new List<int[]>();
        if (bias) terms.Add([]);
        for (int d = 1; d <= degree; d++) AddCombinations(terms, new int[d], 0, 0, variables);
        _factors = terms.ToArray();
        Names = _factors.Select(Name).ToArray();
    }

    public int Variables { get; }

    public int Degree { get; }

    public bool Bias { get; }

    public int Count => _factors.Length;

    /// <summary>The terms' names, e.g. <c>1</c>, <c>x0</c>, <c>x0^2 x1</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Writes the value of every term at <paramref name="x"/> into <paramref name="features"/>.</summary>
    public void Evaluate(ReadOnlySpan<double> x, Span<double> features)
    {
        for (int k = 0; k < _factors.Length; k++)
        {
            double value = 1;
            foreach (int i in _factors[k]) value *= x[i];
            features[k] = value;
        }
    }

    /// <summary>The equation of each variable, <c>(x0)' = -10.000 x0 + 10.000 x1</c>, from coefficients <c>[d, terms]</c> row-major.</summary>
    public string Equations(IReadOnlyList<double> coefficients)
    {
        var text = new StringBuilder();
        for (int d = 0; d < Variables; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $"(x{d})' = ");
            bool first = true;
            for (int k = 0; k < Count; k++)
            {
                double c = coefficients[d * Count + k];
                if (c == 0) continue;
                string magnitude = Math.Abs(c).ToString("0.000", CultureInfo.InvariantCulture);
                string term = _factors[k].Length == 0 ? "" : " " + Names[k];
                text.Append(first ? (c < 0 ? "-" : "") + magnitude + term : (c < 0 ? " - " : " + ") + magnitude + term);
                first = false;
            }
            if (first) text.Append("0.000");
            text.Append('\n');
        }
        return text.ToString();
    }

    private static void AddCombinations(List<int[]> terms, int[] current, int position, int start, int variables)
    {
        if (position == current.Length)
        {
            terms.Add((int[])current.Clone());
            return;
        }
        for (int i = start; i < variables; i++)
        {
            current[position] = i;
            AddCombinations(terms, current, position + 1, i, variables);
        }
    }

    private static string Name(int[] factors) =>
        factors.Length == 0 ? "1" : string.Join(" ", factors.GroupBy(i => i).Select(g => g.Count() == 1 ? $"x{g.Key}" : $"x{g.Key}^{g.Count()}"));
}
