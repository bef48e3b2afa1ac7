from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    username = StringField("Username · 아이디", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Password · 비밀번호", validators=[DataRequired(), Length(max=200)])
    submit = SubmitField("Sign in · 로그인")


class LogoutForm(FlaskForm):
    submit = SubmitField("Sign out")
