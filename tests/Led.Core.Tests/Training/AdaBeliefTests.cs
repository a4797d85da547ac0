using Led.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Tests.Training;

public class AdaBeliefTests
{
    [Fact]
    public void ThreeStepsMatchTheReferenceUpdateRule()
    {
        var p = new TorchSharp.Modules.Parameter(tensor(new[] { 1.0, -2.0 }, dtype: ScalarType.Float64));
        using var optimizer = new AdaBelief([p], learningRate: 0.1);
        double[] theta = [1.0, -2.0], m = [0, 0], s = [0, 0];
        const double b1 = 0.9, b2 = 0.999, eps = 1e-16, lr = 0.1;
        for (int step = 1; step <= 3; step++)
        {
            optimizer.ZeroGrad();
            var loss = (p * p * p).sum();                  // gradient 3θ²
            loss.backward();
            optimizer.Step();
            for (int i = 0; i < 2; i++)
            {
                double g = 3 * theta[i] * theta[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                s[i] = b2 * s[i] + (1 - b2) * (g - m[i]) * (g - m[i]) + eps;
                double denominator = Math.Sqrt(s[i]) / Math.Sqrt(1 - Math.Pow(b2, step)) + eps;
                theta[i] -= lr / (1 - Math.Pow(b1, step)) * m[i] / denominator;
            }
            var actual = p.detach().data<double>().ToArray();
            Assert.Equal(theta[0], actual[0], 12);
            Assert.Equal(theta[1], actual[1], 12);
        }
    }
}
