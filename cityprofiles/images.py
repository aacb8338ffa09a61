"""A city's photo or logo: checked by its content, then cleaned before it is stored.

Accepted: JPEG, PNG and WebP still images, at most MAX_UPLOAD_BYTES and MAX_PIXELS.
Refused with a message saying why: empty files, files over the size cap, SVG images (they
can carry scripts), web pages, GIF and other formats, animated images, images declaring
more pixels than the cap (decompression bombs: a few kilobytes that would unpack to
gigabytes of memory) and damaged files.

What is stored is never the uploaded file itself: the pixels are decoded, turned upright
(the EXIF orientation a phone records), reduced to at most LONG_SIDE pixels on the long
side and encoded again as a JPEG without any metadata — no EXIF (camera, date, GPS
position), no XMP, no comments, no colour profile.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# 40 megapixels: more than any phone or camera photo; a decoded RGBA image of this size
# takes 160 MB of memory, which is the most one upload may cost the server.
MAX_PIXELS = 40_000_000
LONG_SIDE = 1200
JPEG_QUALITY = 85
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp"
HEAD_BYTES = 1024

ACCEPTED = _("Accepted formats: JPEG, PNG and WebP images.")
MESSAGES = {
    "empty": _("The file is empty."),
    "svg": _("SVG images are not accepted. Save the image as a PNG or JPEG first."),
    "html": _("This file is a web page, not an image."),
    "gif": _("GIF images are not accepted. Save the image as a PNG or JPEG first."),
    "animated": _("Animated images are not accepted. Upload a still image."),
    "damaged": _("This image is damaged and cannot be opened."),
}
# The start of formats people often try, for a clearer message than "not accepted".
GIF_MAGICS = (b"GIF87a", b"GIF89a")
# The start of the accepted formats: such a file that Pillow cannot read is damaged.
ACCEPTED_MAGICS = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def _refuse(code: str, message=None):
    raise ValidationError(message or MESSAGES[code], code=code)


def _sniff_refused_formats(head: bytes) -> None:
    if head.startswith(ACCEPTED_MAGICS) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        _refuse("damaged")
    if head.startswith(GIF_MAGICS):
        _refuse("gif")
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith(b"<"):
        if b"<svg" in text:
            _refuse("svg")
        _refuse("html")


def _open(upload) -> Image.Image:
    """The image, opened (header only, no pixels decoded yet) among the accepted formats."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    try:
        # Only the accepted formats' parsers ever see the bytes: other plugins (EPS,
        # which runs Ghostscript, among them) are never tried.
        return Image.open(upload, formats=ACCEPTED_FORMATS)
    except UnidentifiedImageError:
        _sniff_refused_formats(head)
        _refuse(
            "not_accepted",
            _("This file is not an image the hub accepts. %(accepted)s") % {"accepted": ACCEPTED},
        )
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse_too_many_pixels()
    except Exception:  # a damaged header trips parsers in many ways (struct.error...)
        _refuse("damaged")


def _refuse_too_many_pixels():
    _refuse(
        "too_many_pixels",
        _("This image is too large in pixels. Upload an image of at most %(megapixels)d "
          "megapixels (for example 8000 by 5000 pixels).")
        % {"megapixels": MAX_PIXELS // 1_000_000},
    )  # fmt: skip


def _flatten(image: Image.Image) -> Image.Image:
    """An RGB copy of `image`: transparent areas (logos) on white, since JPEG has none."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def clean_photo(upload) -> ContentFile:
    """The uploaded photo or logo (a Django UploadedFile or File) made safe to store: a
    JPEG of at most LONG_SIDE px on its long side, upright, without metadata.

    Raises ValidationError with a message for the uploader, whose `code` says which check
    refused it: empty, too_large, svg, html, gif, not_accepted, animated, too_many_pixels
    or damaged. Nothing is written anywhere: the caller stores the result."""
    if not upload.size:
        _refuse("empty")
    if upload.size > MAX_UPLOAD_BYTES:
        _refuse(
            "too_large",
            _("The image is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)},
        )
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that; refuse as well.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = _open(upload)
        try:
            with image:
                # The declared size, read from the header before any pixel is decoded.
                width, height = image.size
                if width * height > MAX_PIXELS or not width or not height:
                    _refuse_too_many_pixels()
                if getattr(image, "is_animated", False):
                    _refuse("animated")
                image.load()
                upright = ImageOps.exif_transpose(image)
                photo = _flatten(upright)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            _refuse_too_many_pixels()
        except Exception:  # truncated data, broken EXIF, bad chunks: all "damaged"
            _refuse("damaged")
        finally:
            upload.seek(0)
    photo.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    # Nothing of the original's metadata travels with the pixels (comments, for one, would).
    photo.info = {}
    output = io.BytesIO()
    photo.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return ContentFile(output.getvalue(), name="photo.jpg")
