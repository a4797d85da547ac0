using Led.Toolkit.Learning;

namespace Led.Toolkit.Tests.Learning;

public class LstmCellKernelTests
{
    /// <summary>
    /// Against the cell equations evaluated in double with Math.Tanh and Math.Exp, over five steps from a zero state:
    /// hidden sizes below, at and above the vector widths (padded blocks), weights large enough to saturate some gates.
    /// Float64 to 1e-13, float32 to 2e-6 (a few ulps of 1: the fused kernel sums in another order and its tanh is
    /// 1 − 2 / (e^{2a} + 1)).
    /// </summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(8, 16)]
    [InlineData(8, 37)]
    [InlineData(2, 64)]
    public void Step_EqualsTheCellEquations(int inputs, int hidden)
    {
        var random = new Random(11);
        double[] Draw(int n, double scale) => Enumerable.Range(0, n).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();
        double[] wih = Draw(4 * hidden * inputs, 2), whh = Draw(4 * hidden * hidden, 3.0 / Math.Sqrt(hidden)), bih = Draw(4 * hidden, 1), bhh = Draw(4 * hidden, 1);
        var inputs5 = Enumerable.Range(0, 5).Select(_ => Draw(inputs, 1.5)).ToArray();
        var doubleKernel = new LstmCellKernel<double>(inputs, hidden, wih, whh, bih, bhh);
        var floatKernel = new LstmCellKernel<float>(inputs, hidden, wih, whh, bih, bhh);
        double[] h = new double[hidden], c = new double[hidden];
        foreach (var x in inputs5)
        {
            var gates = new double[4 * hidden];
            for (int r = 0; r < 4 * hidden; r++)
            {
                double sum = bih[r] + bhh[r];
                for (int k = 0; k < inputs; k++) sum += wih[r * inputs + k] * x[k];
                for (int k = 0; k < hidden; k++) sum += whh[r * hidden + k] * h[k];
                gates[r] = sum;
            }
            for (int u = 0; u < hidden; u++)
            {
                double i = Sigmoid(gates[u]), f = Sigmoid(gates[hidden + u]), g = Math.Tanh(gates[2 * hidden + u]), o = Sigmoid(gates[3 * hidden + u]);
                c[u] = f * c[u] + i * g;
                h[u] = o * Math.Tanh(c[u]);
            }
            var hd = doubleKernel.Step(x).ToArray();
            var hf = floatKernel.Step(x.Select(v => (float)v).ToArray()).ToArray();
            for (int u = 0; u < hidden; u++)
            {
                Assert.InRange(Math.Abs(hd[u] - h[u]), 0, 1e-13);
                Assert.InRange(Math.Abs(hf[u] - h[u]), 0, 2e-6);
                Assert.InRange(Math.Abs(doubleKernel.Cell[u] - c[u]), 0, 1e-13);
            }
        }

        static double Sigmoid(double a) => 1 / (1 + Math.Exp(-a));
    }

    /// <summary>
    /// After a reset the kernel repeats the first step bit for bit, although it now visits its blocks of hidden units in
    /// the other order (the order alternates every step; each block's sums do not depend on it).
    /// </summary>
    [Fact]
    public void Reset_StartsANewTrajectoryFromZeroState()
    {
        var random = new Random(2);
        double[] Draw(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var kernel = new LstmCellKernel<float>(2, 40, Draw(320), Draw(6400), Draw(160), Draw(160));
        float[] x = [0.3f, -0.7f];
        var first = kernel.Step(x).ToArray();
        Assert.NotEqual(first, kernel.Step(x).ToArray());
        kernel.Step(x);
        kernel.Reset();
        Assert.Equal(first, kernel.Step(x).ToArray());
    }

    [Fact]
    public void MisfittingParametersAndInputsAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new LstmCellKernel<float>(3, 4, new double[48], new double[64], new double[16], new double[15]));
        Assert.Contains("needs weights [16, 3] and [16, 4] and biases [16]", ex.Message);
        var kernel = new LstmCellKernel<float>(3, 4, new double[48], new double[64], new double[16], new double[16]);
        Assert.Throws<ArgumentException>(() => kernel.Step(new float[2]));
    }
}
