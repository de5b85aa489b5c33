using Microsoft.EntityFrameworkCore;

namespace ConcurrencyLab.Portal.Data;

/// <summary>The portal's SQLite database.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<StoredRun> Runs => Set<StoredRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredRun>(run =>
        {
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).HasMaxLength(32);
            run.Property(r => r.DemoId).HasMaxLength(64);
            run.Property(r => r.Status).HasMaxLength(16);
            run.HasIndex(r => r.CreatedUtc);
        });
    }
}
