from django import forms


class UploadForm(forms.Form):
    title = forms.CharField(label="视频名称", max_length=120, required=False,
                            help_text="不填则用文件名")  # fmt: skip
    file = forms.FileField(label="视频文件", help_text="MP4、MOV、AVI、MKV 等，上传后自动转码")
