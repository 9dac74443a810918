/**
 * `robots.txt`: the public site may be crawled; the workbench, the API and the document
 * verification pages (a QR code's, naming a masked holder) may not. Names the sitemap.
 */
export function robotsTxt(origin: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin/', 'Disallow: /api/', 'Disallow: /verify/', '', `Sitemap: ${origin}/sitemap.xml`, ''].join('\n');
}
