<?xml version="1.0" encoding="utf-8"?>
<!-- Makes an RSS feed readable when opened in a browser; feed readers ignore it. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:variable name="ko" select="/rss/channel/language = 'ko'"/>
  <xsl:template match="/rss/channel">
    <html lang="{language}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="title"/></title>
        <style>
          body { font-family: "NanumGothic", system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1.25rem; line-height: 1.7; word-break: keep-all; color: #1b1f24; background: #fff; }
          @media (prefers-color-scheme: dark) { body { color: #e6e8eb; background: #15181c; } a { color: #8ab4f8; } .about { background: #1f242a !important; } }
          .about { background: #e8f0fe; padding: 0.75rem 1rem; border-radius: 0.5rem; }
          article { border-bottom: 1px solid #d0d7de; padding: 0.5rem 0 1rem; }
          h2 { font-size: 1.15rem; margin: 1rem 0 0.25rem; }
          time { color: #4a535e; font-size: 0.9rem; }
        </style>
      </head>
      <body>
        <p class="about">
          <xsl:choose>
            <xsl:when test="$ko">이 페이지는 RSS 피드입니다. 주소를 피드 리더에 추가하면 변경 안내를 받아 볼 수 있습니다.</xsl:when>
            <xsl:otherwise>This page is an RSS feed: add its address to a feed reader to receive every notice of change.</xsl:otherwise>
          </xsl:choose>
        </p>
        <h1><xsl:value-of select="title"/></h1>
        <p><a href="{link}"><xsl:value-of select="link"/></a></p>
        <xsl:for-each select="item">
          <article>
            <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
            <time><xsl:value-of select="pubDate"/></time>
            <div><xsl:value-of select="description" disable-output-escaping="yes"/></div>
          </article>
        </xsl:for-each>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
