"""Videos for tests and the demo: a row already transcoded (no files), for what only
reads the row; tests of the transcode itself upload real clips."""

import factory

from .models import Video, VideoState


class VideoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Video

    title = factory.Sequence(lambda n: f"党课视频{n}")
    state = VideoState.READY
    duration = 60.0
    width = 1280
    height = 720
