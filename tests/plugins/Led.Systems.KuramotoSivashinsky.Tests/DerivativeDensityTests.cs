namespace Led.Systems.KuramotoSivashinsky.Tests;

public class DerivativeDensityTests
{
    [Fact]
    public void DerivativeDensityOfASineSitsOnTheEllipseAndMatchesItself()
    {
        const int points = 64;
        double dx = 2 * Math.PI / points;
        var fields = new double[50 * points];
        for (int s = 0; s < 50; s++)
            for (int j = 0; j < points; j++) fields[s * points + j] = Math.Sin(j * dx + 0.1 * s);
        var d = DerivativeDensity.Compute(fields, (double[])fields.Clone(), points, dx, periodic: true, bins: 40);
        Assert.Equal(0, d.L1, 14);
        Assert.InRange(d.Ux.Hi, 0.99, 1.0);                           // u_x = cos: central differences shrink by sin(dx)/dx
        Assert.InRange(d.Uxx.Lo, -1.0, -0.99);                        // u_xx = −sin
        double total = 0, cell = (d.Ux.Hi - d.Ux.Lo) / 40 * ((d.Uxx.Hi - d.Uxx.Lo) / 40);
        foreach (var v in d.Truth) total += v * cell;
        Assert.Equal(1, total, 12);
    }
}
