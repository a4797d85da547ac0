namespace Led.Systems.CylinderFlow;

/// <summary>
/// The force on the cylinder from an observed (or decoded) field alone, as the reference computes drag for its LED
/// forecasts (reference-spec §6): F = ∮(−p·n + μ(∇u + ∇uᵀ)·n) ds around the circle, ρ = 1, μ = ν, n the outward normal.
/// The pressure term samples p bilinearly from the cell centres at N_p equally spaced points on the circle of radius
/// r_p = R + δ_p·h (ds = 2πr_p/N_p); the viscous term samples the velocity gradient (central differences of the
/// cell-centred u_x, u_y, one-sided at the domain edges, then bilinear interpolation) at N_v points on the circle
/// r_v = R + δ_v·h, just outside the penalized layer (ds = 2πr_v/N_v). C_d = 2F_x/(ρU²D), C_l = 2F_y/(ρU²D).
/// </summary>
/// <param name="Nx">Cells in x.</param>
/// <param name="Ny">Cells in y.</param>
/// <param name="H">Cell size h.</param>
/// <param name="CylinderX">Centre x.</param>
/// <param name="CylinderY">Centre y.</param>
/// <param name="Diameter">Cylinder diameter D (also the reference length).</param>
/// <param name="Viscosity">Kinematic viscosity ν (= μ with ρ = 1).</param>
/// <param name="Velocity">Reference velocity U of the coefficients.</param>
/// <param name="PressurePoints">N_p (the reference: 1000).</param>
/// <param name="ViscousPoints">N_v (the reference: 1440).</param>
/// <param name="PressureOffset">δ_p in cells.</param>
/// <param name="ViscousOffset">δ_v in cells.</param>
public sealed record SurfaceForces(
    int Nx,
    int Ny,
    double H,
    double CylinderX,
    double CylinderY,
    double Diameter,
    double Viscosity,
    double Velocity = 1.0,
    int PressurePoints = 1000,
    int ViscousPoints = 1440,
    double PressureOffset = 0.0,
    double ViscousOffset = 1.0)
{
    /// <summary>The geometry of a solver configuration (centre, diameter, ν, U) with the given sampling.</summary>
    public static SurfaceForces For(FlowSetup setup, int pressurePoints = 1000, int viscousPoints = 1440, double pressureOffset = 0.0,
        double viscousOffset = 1.0)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (!setup.HasBody) throw new ArgumentException("the flow setup has no cylinder", nameof(setup));
        return new SurfaceForces(setup.Nx, setup.Ny, setup.H, setup.CylinderX, setup.CylinderY, setup.Diameter, setup.Viscosity,
            setup.InflowVelocity, pressurePoints, viscousPoints, pressureOffset, viscousOffset);
    }

    /// <summary>Values in one observable frame (p, u_x, u_y, ω on Ny × Nx cells).</summary>
    public int FrameSize => 4 * Nx * Ny;

    /// <summary>(C_d, C_l) of one frame [c·Ny·Nx + j·Nx + i], channels (p, u_x, u_y, …).</summary>
    public (double Drag, double Lift) Coefficients(ReadOnlySpan<double> frame)
    {
        var (pressure, viscous) = Forces(frame);
        double scale = 2 / (Velocity * Velocity * Diameter);
        return ((pressure.X + viscous.X) * scale, (pressure.Y + viscous.Y) * scale);
    }

    /// <summary>The pressure and viscous force vectors (ρ = 1) of one frame.</summary>
    public ((double X, double Y) Pressure, (double X, double Y) Viscous) Forces(ReadOnlySpan<double> frame)
    {
        int n = Nx * Ny;
        if (frame.Length < 3 * n)
            throw new ArgumentException($"expected at least {3 * n} values (p, u_x, u_y on {Ny} × {Nx} cells), got {frame.Length}", nameof(frame));
        var p = frame[..n];
        var u = frame.Slice(n, n);
        var v = frame.Slice(2 * n, n);
        double radius = 0.5 * Diameter;

        double px = 0, py = 0;
        double rp = radius + PressureOffset * H;
        for (int k = 0; k < PressurePoints; k++)
        {
            double theta = 2 * Math.PI * (k + 0.5) / PressurePoints;
            double nx = Math.Cos(theta), ny = Math.Sin(theta);
            double value = Sample(p, CylinderX + rp * nx, CylinderY + rp * ny);
            px -= value * nx;
            py -= value * ny;
        }
        double dsPressure = 2 * Math.PI * rp / PressurePoints;

        double vx = 0, vy = 0;
        double rv = radius + ViscousOffset * H;
        for (int k = 0; k < ViscousPoints; k++)
        {
            double theta = 2 * Math.PI * (k + 0.5) / ViscousPoints;
            double nx = Math.Cos(theta), ny = Math.Sin(theta);
            var (ux, uy, vxg, vyg) = SampleGradient(u, v, CylinderX + rv * nx, CylinderY + rv * ny);
            double sxx = 2 * ux, sxy = uy + vxg, syy = 2 * vyg;
            vx += sxx * nx + sxy * ny;
            vy += sxy * nx + syy * ny;
        }
        double dsViscous = 2 * Math.PI * rv / ViscousPoints;
        return ((px * dsPressure, py * dsPressure), (Viscosity * vx * dsViscous, Viscosity * vy * dsViscous));
    }

    /// <summary>Bilinear interpolation of a cell-centred field at (x, y), clamped to the outermost centres.</summary>
    public double Sample(ReadOnlySpan<double> field, double x, double y)
    {
        var (i, j, a, b) = Locate(x, y);
        return (1 - a) * (1 - b) * field[j * Nx + i] + a * (1 - b) * field[j * Nx + i + 1] +
               (1 - a) * b * field[(j + 1) * Nx + i] + a * b * field[(j + 1) * Nx + i + 1];
    }

    private (int I, int J, double A, double B) Locate(double x, double y)
    {
        double fi = Math.Clamp(x / H - 0.5, 0, Nx - 1.000001), fj = Math.Clamp(y / H - 0.5, 0, Ny - 1.000001);
        int i = (int)fi, j = (int)fj;
        return (i, j, fi - i, fj - j);
    }

    /// <summary>(∂u/∂x, ∂u/∂y, ∂v/∂x, ∂v/∂y) at (x, y): cell-centre differences interpolated bilinearly.</summary>
    private (double Ux, double Uy, double Vx, double Vy) SampleGradient(ReadOnlySpan<double> u, ReadOnlySpan<double> v, double x, double y)
    {
        var (i, j, a, b) = Locate(x, y);
        double ux = 0, uy = 0, vx = 0, vy = 0;
        for (int dj = 0; dj <= 1; dj++)
            for (int di = 0; di <= 1; di++)
            {
                double w = (di == 0 ? 1 - a : a) * (dj == 0 ? 1 - b : b);
                if (w == 0) continue;
                int ci = i + di, cj = j + dj;
                ux += w * DerivativeX(u, ci, cj);
                uy += w * DerivativeY(u, ci, cj);
                vx += w * DerivativeX(v, ci, cj);
                vy += w * DerivativeY(v, ci, cj);
            }
        return (ux, uy, vx, vy);
    }

    private double DerivativeX(ReadOnlySpan<double> f, int i, int j)
    {
        int row = j * Nx;
        if (i == 0) return (f[row + 1] - f[row]) / H;
        if (i == Nx - 1) return (f[row + i] - f[row + i - 1]) / H;
        return (f[row + i + 1] - f[row + i - 1]) / (2 * H);
    }

    private double DerivativeY(ReadOnlySpan<double> f, int i, int j)
    {
        if (j == 0) return (f[Nx + i] - f[i]) / H;
        if (j == Ny - 1) return (f[j * Nx + i] - f[(j - 1) * Nx + i]) / H;
        return (f[(j + 1) * Nx + i] - f[(j - 1) * Nx + i]) / (2 * H);
    }
}
